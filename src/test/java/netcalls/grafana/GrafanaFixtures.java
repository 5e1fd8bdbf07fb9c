package netcalls.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import netcalls.cli.SharedRun;
import netcalls.export.Fixtures;

/**
 * The runs behind the dashboard tests, in a real InfluxDB (one database of their own), made once per test JVM:
 * <ul>
 *   <li>real runs of the jar: SharedRun's smoke run (every client; RequestLatency, PairedLatency, FailureLatency:
 *       the failure run) and its baseline and 2 ms slowed candidate, and {@code mix}: two forks of two sizes;</li>
 *   <li>{@code base-2}, {@code cand-2}: those two runs again under other ids, their run.json times 1 s and 2 s later
 *       (the samples keep theirs, so the run's window still holds them; the pooled comparison is the newest), so that
 *       {@code compare base,base-2 cand,cand-2} stores a pooled comparison {@code base+base-2} vs
 *       {@code cand+cand-2} as scripts/nightly.sh does (two runs a side);</li>
 *   <li>the open-loop fixtures openloop-ok and openloop-bad (small real runs);</li>
 *   <li>{@code gate-a} vs {@code gate-b}: a comparison with enough replicates for a verdict (five forks a side, the
 *       candidate 20 % slower, written as JMH writes them by RunBuilder, two days ago): the real pairs have one fork
 *       a side and ran one after the other, which compare refuses or gives no verdict, so this comparison is the
 *       one whose slower row the regression annotations show;</li>
 *   <li>constructed from mix's exported lines: {@code probe}, every point four times, with a parameter the repository
 *       never spells ({@code zz_probe=1,2}) times two protocols ({@code h1}, {@code h2}: a real h2 run costs 10 s a
 *       fork); {@code resend}, the baseline's points 5 s later with its histogram sent twice more 30 s apart with the same
 *       counts, as Telegraf's histogram aggregator re-sends them ({@code reset = false}); {@code cut-before-marker},
 *       the smoke run 3 s later without its completion marker.</li>
 * </ul>
 * Every run id is custom (none is a timestamp). The compare steps' exit codes and output are kept for the tests.
 */
final class GrafanaFixtures {
  /** A database of this test JVM's own: other tests' points with the same run ids, or an earlier run's, stay out. */
  static final String DATABASE = "netcalls_grafana_it_" + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
  static final String CUT = "cut-before-marker";
  static final String POOLED_BASE = "base+base-2";
  static final String POOLED_CAND = "cand+cand-2";

  /** A finished jar command. */
  record Jar(int exit, String output) {}

  /** What the tests get: the database, the run folders by name, and the two compare steps. */
  record Data(InfluxQl influx, Map<String, Path> runs, Jar compareSingle, Jar comparePooled, Jar compareSlower) {
    /** The run.json of a run id; for a constructed run, its source's (probe: mix, resend: base). */
    Path runJson(String runId) throws IOException {
      String id = Map.of("probe", "mix", "resend", "base").getOrDefault(runId, runId);
      for (Path run : runs.values()) {
        if (JSON.readTree(run.resolve("run.json").toFile()).path("runId").asText().equals(id)) {
          return run.resolve("run.json");
        }
      }
      throw new AssertionError("no run folder has run id " + runId);
    }
  }

  private static Data data;
  private static final ObjectMapper JSON = new ObjectMapper();

  private GrafanaFixtures() {}

  static synchronized Data get() throws Exception {
    if (data == null) {
      data = build();
    }
    return data;
  }

  private static Data build() throws Exception {
    String url = System.getenv("NETCALLS_INFLUX_URL");
    assertThat(url).as("NETCALLS_INFLUX_URL (run through scripts/with-influxdb.sh or scripts/test.sh)").isNotBlank();
    Path root = Files.createTempDirectory("grafana-it");
    Map<String, Path> runs = new LinkedHashMap<>();
    runs.put("smoke", SharedRun.smoke().dir());
    SharedRun.Run[] pair = SharedRun.injectedPair();
    runs.put("base", pair[0].dir());
    runs.put("cand", pair[1].dir());
    runs.put("mix", realRun(root, "mix", "-f", "2", "-wi", "0", "-i", "1", "-r", "200ms", "-p", "client=okhttp",
        "-p", "strategy=reuse", "-p", "scheme=http", "-p", "size=64,1024", "RequestLatency"));
    runs.put("base-2", shifted(runs.get("base"), root, "base-2", 1));
    runs.put("cand-2", shifted(runs.get("cand"), root, "cand-2", 2));
    Instant ago = Instant.now().minus(java.time.Duration.ofDays(2));
    Path gateA = new netcalls.compare.RunBuilder(root.resolve("gate-a")).times(ago.toString(),
        ago.plusSeconds(600).toString()).sample(netcalls.compare.RunBuilder.REQUEST, netcalls.compare.RunBuilder.OKHTTP,
        "us/op", 100, 101, 99, 102, 98).write();
    Path gateB = new netcalls.compare.RunBuilder(root.resolve("gate-b")).times(ago.plusSeconds(300).toString(),
        ago.plusSeconds(900).toString()).sample(netcalls.compare.RunBuilder.REQUEST, netcalls.compare.RunBuilder.OKHTTP,
        "us/op", 120, 121.2, 118.8, 122.4, 117.6).write();
    String host = JSON.readTree(runs.get("base").resolve("run.json").toFile()).path("host").asText();
    for (Path gate : List.of(gateA, gateB)) { // on the real runs' host, so the nightly dashboard's host offers them
      ObjectNode json = (ObjectNode) JSON.readTree(gate.resolve("run.json").toFile());
      JSON.writeValue(gate.resolve("run.json").toFile(), json.put("host", host));
    }
    runs.put("gate-a", gateA);
    runs.put("gate-b", gateB);
    for (String fixture : List.of("openloop-ok", "openloop-bad")) {
      runs.put(fixture, Fixtures.copyRun(fixture, Files.createTempDirectory(root, fixture)));
    }
    for (Path run : runs.values()) {
      Jar r = jar("export", run.toString(), "--influx", url, "--database", DATABASE);
      assertThat(r.exit()).as("export of " + run + ": " + r.output()).isZero();
    }
    InfluxQl influx = new InfluxQl(url, DATABASE);
    influx.write(probe(Files.readAllLines(runs.get("mix").resolve("points.lp"))));
    influx.write(resent(Files.readAllLines(runs.get("base").resolve("points.lp"))));
    influx.write(cut(Files.readAllLines(runs.get("smoke").resolve("points.lp"))));
    // the real pairs ran one after the other: compared anyway, as a report would, their rows stored
    Jar single = jar("compare", runs.get("base").toString(), runs.get("cand").toString(), "--influx", url,
        "--database", DATABASE, "--allow-sequential");
    Jar pooled = jar("compare", runs.get("base") + "," + runs.get("base-2"), runs.get("cand") + "," + runs.get("cand-2"),
        "--influx", url, "--database", DATABASE, "--allow-sequential");
    Jar slower = jar("compare", gateA.toString(), gateB.toString(), "--influx", url, "--database", DATABASE);
    return new Data(influx, runs, single, pooled, slower);
  }

  /** A run folder copied under another run id, its run.json start and end {@code seconds} later (samples as they were). */
  private static Path shifted(Path run, Path root, String id, long seconds) throws IOException {
    Path dst = root.resolve(id);
    try (var files = Files.walk(run)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path t = dst.resolve(run.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else if (!p.getFileName().toString().equals("points.lp")) {
          Files.copy(p, t);
        }
      }
    }
    ObjectNode json = (ObjectNode) JSON.readTree(dst.resolve("run.json").toFile());
    json.put("runId", id);
    for (String k : List.of("start", "end")) {
      json.put(k, Instant.parse(json.path(k).asText()).plusSeconds(seconds).toString());
    }
    JSON.writeValue(dst.resolve("run.json").toFile(), json);
    return dst;
  }

  /** mix's points four times over, under run id probe: zz_probe=1,2 times protocol=h1,h2. */
  static String probe(List<String> mix) {
    StringBuilder out = new StringBuilder();
    for (String line : mix) {
      String l = line.replaceFirst(",run=mix([, ])", ",run=probe$1");
      if (l.startsWith("netcalls_run,")) {
        out.append(l).append('\n');
        continue;
      }
      assertThat(l).as("a RequestLatency point names its protocol").contains(",protocol=h1");
      for (String protocol : List.of("h1", "h2")) {
        for (String probe : List.of("1", "2")) {
          out.append(l.replace(",protocol=h1", ",protocol=" + protocol)
              .replaceFirst(",run=probe", ",run=probe,zz_probe=" + probe)).append('\n');
        }
      }
    }
    return out.toString();
  }

  /** base's points under run id resend, its histogram points sent twice more, 30 s and 60 s later, same counts. */
  static String resent(List<String> base) {
    StringBuilder out = new StringBuilder();
    for (String line : base) {
      String l = later(line.replaceFirst(",run=base([, ])", ",run=resend$1"), 5);
      out.append(l).append('\n');
      if (l.startsWith("netcalls_request_histogram,")) {
        int space = l.lastIndexOf(' ');
        long t = Long.parseLong(l.substring(space + 1));
        for (long s : new long[] {30, 60}) {
          out.append(l, 0, space + 1).append(t + s * 1_000_000_000L).append('\n');
        }
      }
    }
    return out.toString();
  }

  /** The smoke run's points under run id {@link #CUT}, every line but the last, the netcalls_run marker. */
  static String cut(List<String> smoke) {
    assertThat(smoke.get(smoke.size() - 1)).startsWith("netcalls_run,");
    StringBuilder out = new StringBuilder();
    for (String line : smoke.subList(0, smoke.size() - 1)) {
      out.append(later(line.replaceFirst(",run=smoke([, ])", ",run=" + CUT + "$1"), 3)).append('\n');
    }
    return out.toString();
  }

  /** A line {@code seconds} later: a constructed run never shares its source's timestamps, as no two real runs do. */
  private static String later(String line, long seconds) {
    int space = line.lastIndexOf(' ');
    return line.substring(0, space + 1) + (Long.parseLong(line.substring(space + 1)) + seconds * 1_000_000_000L);
  }

  private static Path realRun(Path root, String id, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("-Djmh.ignoreLock=true", "-jar", jarPath().toString(),
        "--results", root.toString(), "--run-id", id));
    cmd.addAll(List.of(args));
    Jar r = java(cmd, 6);
    assertThat(r.exit()).as("run " + id + ": " + r.output()).isZero();
    return root.resolve(id);
  }

  static Jar jar(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("-jar", jarPath().toString()));
    cmd.addAll(List.of(args));
    return java(cmd, 3);
  }

  private static Jar java(List<String> args, int minutes) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("java"));
    cmd.addAll(args);
    Path log = Files.createTempFile("grafana-it", ".log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError(String.join(" ", cmd) + " did not finish in " + minutes + " min: " + Files.readString(log));
    }
    return new Jar(p.exitValue(), Files.readString(log));
  }

  private static Path jarPath() {
    Path jar = Path.of(System.getProperty("netcalls.jar", "target/benchmarks.jar"));
    assertThat(jar).exists();
    return jar;
  }
}
