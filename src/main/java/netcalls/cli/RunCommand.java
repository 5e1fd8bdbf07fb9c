package netcalls.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.regex.Pattern;
import netcalls.client.ClientKind;
import netcalls.run.ForkProperties;
import netcalls.run.RunFolder;
import netcalls.run.Scenario;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs benchmarks with every JMH option intact, plus netcalls' own: a run folder with JMH's JSON,
 * the run's metadata, the per-request samples and a summary; the exporter's points after it.
 */
final class RunCommand {
  /** What runs with no benchmark named: the client × strategy suite, about five minutes on 2 cores. */
  static final List<String> DEFAULT_SUITE = List.of("netcalls\\.bench\\.RequestLatency\\.", "netcalls\\.bench\\.PairedLatency\\.");

  private static final String USAGE = String.join("\n",
      "netcalls: java -jar target/benchmarks.jar [netcalls options] [JMH options] [benchmark regexps]",
      "  With no benchmark named, runs the default suite (RequestLatency, PairedLatency).",
      "  netcalls options:",
      "    --target URL      measure an external server (base URL, http:// or https://) instead of the built-in one",
      "    --trust FILE      PEM certificate to trust for an https --target (default: the platform's trust store)",
      "    --results DIR     where run folders go (default: results)",
      "    --run-id ID       name of the run folder (default: UTC start time, yyyyMMdd-HHmmss)",
      "    --samples-cap N   most samples kept per trial (default 1000000); more are counted as dropped",
      "    --no-export       do not write points.lp after the run",
      "    --influx URL      also write the run's points to InfluxDB 1.x (or set NETCALLS_INFLUX_URL)",
      "    --live URL        stream samples to a Telegraf socket_listener while the run goes on (udp://127.0.0.1:8094)",
      "  Subcommands: serve (the built-in server on its own), export RUN_DIR, summary RUN_DIR",
      "");

  private final PrintStream out = System.out;
  private final PrintStream err = System.err;

  int run(String[] args) {
    Map<String, String> own = new LinkedHashMap<>();
    List<String> jmhArgs = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--no-export")) {
        own.put(a, "true");
      } else if (a.startsWith("--") && List.of("--target", "--trust", "--results", "--run-id", "--samples-cap", "--influx", "--live").contains(a)) {
        if (i + 1 >= args.length) {
          err.println("netcalls: " + a + " needs a value");
          return 2;
        }
        own.put(a, args[++i]);
      } else {
        jmhArgs.add(a);
      }
    }
    CommandLineOptions cmd;
    try {
      cmd = new CommandLineOptions(jmhArgs.toArray(new String[0]));
    } catch (CommandLineOptionException e) {
      err.println("netcalls: " + e.getMessage() + " (run with -h for the options)");
      return 2;
    }
    if (cmd.shouldHelp()) {
      out.print(USAGE);
      try {
        cmd.showHelp();
      } catch (IOException e) {
        return 1;
      }
      return 0;
    }
    if (cmd.shouldList() || cmd.shouldListWithParams() || cmd.shouldListProfilers() || cmd.shouldListResultFormats()) {
      try {
        org.openjdk.jmh.Main.main(jmhArgs.toArray(new String[0]));
      } catch (Exception e) {
        err.println("netcalls: " + e.getMessage());
        return 1;
      }
      return 0;
    }
    try {
      return runBenchmarks(cmd, own, args);
    } catch (IllegalArgumentException e) {
      err.println("netcalls: " + e.getMessage());
      return 2;
    }
  }

  private int runBenchmarks(CommandLineOptions cmd, Map<String, String> own, String[] args) {
    ParamCheck.validate(cmd::getParameter);
    Path results = Path.of(own.getOrDefault("--results", "results"));
    Instant start = Instant.now();
    String runId = own.getOrDefault("--run-id",
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(start));
    Path runDir = results.resolve(runId).toAbsolutePath();

    RunFolder folder = RunFolder.of(runDir);
    ForkProperties fork = ForkProperties.defaults().withRunDir(runDir);
    String target = own.get("--target");
    Map<String, List<String>> forced = new LinkedHashMap<>();
    if (target != null) {
      URI uri = checkReachable(target);
      fork = fork.withTarget(target, null);
      if (cmd.getParameter("scheme").hasValue()
          && !cmd.getParameter("scheme").get().equals(List.of(uri.getScheme()))) {
        throw new IllegalArgumentException("--target " + target + " is " + uri.getScheme()
            + " but -p scheme=" + String.join(",", cmd.getParameter("scheme").get()) + " was given: drop -p scheme");
      }
      forced.put("scheme", List.of(uri.getScheme()));
    }
    List<String> pair = delaysPair(cmd.getParameter("delays").orElse(List.of()));
    if (pair != null) {
      forced.put("delays", pair);
    }
    if (own.containsKey("--trust")) {
      Path trust = Path.of(own.get("--trust")).toAbsolutePath();
      if (!Files.isReadable(trust)) {
        throw new IllegalArgumentException("--trust " + trust + " cannot be read: give a PEM certificate file");
      }
      fork = fork.withTarget(fork.target(), trust);
    }
    if (own.containsKey("--samples-cap")) {
      int cap;
      try {
        cap = Integer.parseInt(own.get("--samples-cap"));
        if (cap < 0) {
          throw new NumberFormatException();
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--samples-cap " + own.get("--samples-cap") + ": give a whole number >= 0");
      }
      fork = fork.withSamplesCap(cap);
    }
    if (own.containsKey("--live")) {
      String live = own.get("--live");
      if (!live.startsWith("udp://")) {
        throw new IllegalArgumentException("--live " + live + ": give a Telegraf socket_listener as udp://HOST:PORT");
      }
      netcalls.export.sink.TelegrafTarget.parse(live);
      fork = fork.withLive(live);
    }
    fork.applyToThisJvm(); // for -f 0, where benchmarks run in this JVM

    List<String> includes = cmd.getIncludes().isEmpty() ? DEFAULT_SUITE : cmd.getIncludes();
    OutputFormat quiet = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
    SortedSet<BenchmarkListEntry> found = BenchmarkList.defaultList().find(quiet, includes, cmd.getExcludes());
    if (found.isEmpty()) {
      throw new IllegalArgumentException("no benchmark matches " + includes + ": list them with -l");
    }
    Map<String, Map<String, String[]>> declared = new LinkedHashMap<>();
    for (BenchmarkListEntry e : found) {
      declared.put(e.getUsername(), e.getParams().orElse(Map.of()));
    }
    RunPlan plan = RunPlan.of(declared, key -> forced.containsKey(key) ? forced.get(key)
        : cmd.getParameter(key).hasValue() ? cmd.getParameter(key).get() : null);
    plan.leftOut.forEach(line -> out.println("# " + line));
    if (plan.runs.isEmpty()) {
      throw new IllegalArgumentException("every selected combination is unsupported: nothing to run");
    }
    if (Files.isDirectory(folder.samples())) {
      throw new IllegalArgumentException("the run folder " + runDir + " already exists: choose another --run-id"
          + " (its samples would mix with this run's)");
    }
    try {
      Files.createDirectories(folder.samples());
      Path probe = Files.createTempFile(runDir, ".probe", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the results folder " + runDir + " (" + e
          + "): make it writable or choose another with --results DIR");
    }

    out.println("# netcalls run " + runId + " -> " + runDir);

    List<String> prepend = new ArrayList<>(fork.jvmArgs());
    if (cmd.getJvmArgsPrepend().hasValue()) {
      prepend.addAll(cmd.getJvmArgsPrepend().get());
    }
    List<RunResult> all = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int part = 0;
    for (RunPlan.Run r : plan.runs) {
      String name = Pattern.quote(r.benchmark());
      Path partFile = folder.jmhPart(part++);
      ChainedOptionsBuilder b = new OptionsBuilder().parent(cmd)
          .include("^" + name + "$")
          // the parent's regexps would pull in every other benchmark: exclude all but this one
          .exclude("^(?!" + name + "$).*")
          .jvmArgsPrepend(prepend.toArray(new String[0]))
          .resultFormat(ResultFormatType.JSON)
          .result(partFile.toString());
      Map<String, List<String>> params = new LinkedHashMap<>(forced);
      params.putAll(r.params());
      params.forEach((k, v) -> b.param(k, v.toArray(new String[0])));
      Collection<RunResult> got;
      try {
        got = new Runner(b.build()).run();
      } catch (RunnerException e) {
        problems.add(r.benchmark() + " " + r.params() + ": " + e.getMessage());
        continue;
      } finally {
        try {
          Files.deleteIfExists(partFile);
        } catch (IOException ignored) {
          // a leftover part file is harmless; the merged jmh.json is what counts
        }
      }
      Map<String, String[]> declaredHere = new LinkedHashMap<>(declared.get(r.benchmark()));
      Map<String, List<String>> overrides = new LinkedHashMap<>();
      for (String key : declaredHere.keySet()) {
        if (params.containsKey(key)) {
          overrides.put(key, params.get(key));
        } else if (cmd.getParameter(key).hasValue()) {
          overrides.put(key, new ArrayList<>(cmd.getParameter(key).get()));
        }
      }
      int expected = new RunPlan.Run(r.benchmark(), overrides).expectedResults(declaredHere);
      if (got.size() < expected) {
        problems.add(r.benchmark() + " " + r.params() + ": " + (expected - got.size()) + " of " + expected
            + " parameter sets failed (see the JMH output above)");
      }
      all.addAll(got);
    }
    Instant end = Instant.now();

    Path json = folder.jmhJson();
    ResultFormatFactory.getInstance(ResultFormatType.JSON, json.toString()).writeOut(all);
    if (cmd.getResult().hasValue() || cmd.getResultFormat().hasValue()) {
      ResultFormatType type = cmd.getResultFormat().orElse(ResultFormatType.CSV);
      String file = cmd.getResult().orElse("jmh-result." + type.toString().toLowerCase());
      ResultFormatFactory.getInstance(type, file).writeOut(all);
    }
    int exit = problems.isEmpty() ? 0 : 1;
    try {
      RunMetadata.write(runDir, runId, start, end, Arrays.asList(args), target == null ? "built-in" : target, exit);
      String summary = Summary.render(runDir);
      Files.writeString(folder.summary(), summary);
      out.println();
      out.print(summary);
    } catch (IOException e) {
      err.println("netcalls: could not write the run's metadata or summary in " + runDir + ": " + e);
      exit = 1;
    }
    if (!own.containsKey("--no-export")) {
      exit = Math.max(exit, Export.afterRun(runDir, own.get("--influx"), out, err));
    }
    for (String p : problems) {
      err.println("netcalls: FAILED " + p);
    }
    out.println("# run folder: " + runDir);
    return exit;
  }

  /**
   * JMH splits {@code -p delays=50,75} into two values; a single number is no pair of delays, so
   * two bare numbers mean the pair {@code 50:75}, as a user of the blog's scenario would expect.
   */
  static List<String> delaysPair(Collection<String> values) {
    if (values.size() == 2 && values.stream().allMatch(v -> v.trim().matches("\\d+"))) {
      return List.of(String.join(":", values).replace(" ", ""));
    }
    for (String v : values) {
      if (!v.trim().matches("\\d+\\s*:\\s*\\d+")) {
        throw new IllegalArgumentException("-p delays=" + v + ": give two delays in ms, as 50,75 or 50:75 (several: 50:75,10:20)");
      }
    }
    return null;
  }

  private static URI checkReachable(String target) {
    URI uri;
    try {
      uri = URI.create(target);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--target " + target + " is not a URL: give a base URL such as http://127.0.0.1:8080");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw new IllegalArgumentException("--target " + target + ": give a base URL such as http://127.0.0.1:8080");
    }
    int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(uri.getHost(), port), 3000);
    } catch (IOException e) {
      throw new IllegalArgumentException("--target " + target + " is unreachable (" + e.getMessage()
          + "): start the server (e.g. java -jar target/benchmarks.jar serve) or fix the URL");
    }
    return uri;
  }

  /** Checks the values of the parameters netcalls owns, before any fork starts. */
  static final class ParamCheck {
    private ParamCheck() {}

    static void validate(java.util.function.Function<String, org.openjdk.jmh.util.Optional<Collection<String>>> param) {
      param.apply("client").orElse(List.of()).forEach(ClientKind::parse);
      param.apply("strategy").orElse(List.of()).forEach(RunPlan::parseStrategy);
      oneOf("scheme", param.apply("scheme").orElse(List.of()), List.of("http", "https"));
      oneOf("trace", param.apply("trace").orElse(List.of()), List.of("on", "off"));
      param.apply("scenario").orElse(List.of()).forEach(Scenario::parse);
    }

    private static void oneOf(String key, Collection<String> given, List<String> allowed) {
      for (String v : given) {
        if (!allowed.contains(v)) {
          throw new IllegalArgumentException("-p " + key + "=" + v + ": use one of " + allowed);
        }
      }
    }
  }
}
