package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import netcalls.export.Fixtures;
import netcalls.export.line.InfluxMeasurement;
import netcalls.testing.HttpStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExportCommandTest {
  @TempDir
  Path tmp;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return new CommandLine(new ExportCommand(new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutTargetWritesPointsLpInTheRunFolderAndExitsZero() throws Exception {
    Path runDir = Fixtures.copyRun("basic", tmp);
    assertThat(run(runDir.toString(), "--quiet")).isZero();
    assertThat(runDir.resolve("points.lp")).isNotEmptyFile();
    assertThat(err()).isEmpty();
  }

  @Test
  void outOptionWritesElsewhereAndSummaryIsPrintedUnlessQuiet() throws Exception {
    Path runDir = Fixtures.copyRun("basic", tmp);
    Path out = tmp.resolve("x.lp");
    assertThat(run(runDir.toString(), "--out", out.toString())).isZero();
    assertThat(out).isNotEmptyFile();
    assertThat(runDir.resolve("points.lp")).doesNotExist();
    assertThat(err()).contains("points built: 157", "netcalls_request=11", "warnings");
  }

  /** Issue 20 item 1: --out onto a file the export reads replaced it with line protocol and exited 0. */
  @Test
  void anOutputOntoAFileOfTheRunIsRefusedAndTheFileKept() throws Exception {
    Path runDir = Fixtures.copyRun("basic", tmp);
    Path csv;
    try (var s = Files.list(runDir.resolve("samples"))) {
      csv = s.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
    }
    Path link = Files.createSymbolicLink(tmp.resolve("link.lp"), runDir.resolve("jmh.json"));
    for (Path input : new Path[] {runDir.resolve("jmh.json"), runDir.resolve("run.json"), csv, link,
        runDir.resolve("samples/new.lp")}) {
      byte[] before = Files.exists(input) ? Files.readAllBytes(input) : null;
      err.reset();
      assertThat(run(runDir.toString(), "-q", "--out", input.toString())).as(input.toString()).isEqualTo(1);
      assertThat(err().lines().filter(l -> l.contains("which this command reads") || l.contains("whose files this"
          + " command reads")).findFirst()).as(err()).isPresent();
      assertThat(err()).doesNotContain("Exception");
      if (before != null) {
        assertThat(Files.readAllBytes(input)).isEqualTo(before);
      } else {
        assertThat(input).doesNotExist();
      }
    }
    assertThat(Files.isSymbolicLink(link)).isTrue();
  }

  /** Issue 20 item 10: a store answering 204 with no body to everything crashed export with a NullPointerException. */
  @Test
  void aStoreAnswering204WithNoBodyIsOneLineNamingTheUrl() throws Exception {
    com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", ex -> {
      ex.sendResponseHeaders(204, -1);
      ex.close();
    });
    http.start();
    try {
      Path runDir = Fixtures.copyRun("basic", tmp);
      String url = "http://127.0.0.1:" + http.getAddress().getPort();
      assertThat(run(runDir.toString(), "-q", "--influx", url)).isEqualTo(1);
      assertThat(err()).contains(url + "/query", "answered HTTP 204 with no JSON body").doesNotContain("Exception");
      assertThat(err().lines().filter(l -> l.contains("HTTP 204"))).hasSize(1);
    } finally {
      http.stop(0);
    }
  }

  /** Issue 20 item 8: credentials in an InfluxDB or Telegraf URL are refused, and never repeated. */
  @Test
  void credentialsInAUrlAreRefusedWithoutRepeatingThem() throws Exception {
    Path runDir = Fixtures.copyRun("basic", tmp);
    for (String[] c : new String[][] {{"--influx", "http://user:s3cret@127.0.0.1:8086"},
        {"--telegraf", "udp://user:s3cret@127.0.0.1:8094"}, {"--telegraf-check", "http://user:s3cret@127.0.0.1:8086"}}) {
      err.reset();
      String[] args = c[0].equals("--telegraf-check")
          ? new String[] {runDir.toString(), "--telegraf", "udp://127.0.0.1:8094", c[0], c[1]}
          : new String[] {runDir.toString(), c[0], c[1]};
      assertThat(run(args)).as(c[0]).isEqualTo(2);
      assertThat(err()).startsWith("export: ").contains("a user name or password in the URL")
          .doesNotContain("s3cret").doesNotContain("Exception");
    }
    assertThat(runDir.resolve("points.lp")).doesNotExist();
    assertThat(Main.run(new String[] {"compare", runDir.toString(), runDir.toString(), "--influx",
        "http://user:s3cret@127.0.0.1:8086"})).isEqualTo(2);
  }

  /** Issue 20 item 12: every file argument is checked up front. */
  @Test
  void anOutThatIsAFolderIsAUsageError() throws Exception {
    Path runDir = Fixtures.copyRun("basic", tmp);
    Path folder = Files.createDirectories(tmp.resolve("somewhere"));
    assertThat(run(runDir.toString(), "--out", folder.toString())).isEqualTo(2);
    assertThat(err()).startsWith("export: --out " + folder + " is a folder").hasLineCount(1);
    assertThat(folder).isEmptyDirectory();
  }

  @Test
  void zeroByteJmhJsonExitsNonZeroWithThePlainReasonAndWritesNothingUnlessPartial() throws Exception {
    Path runDir = Fixtures.copyRun("basic", tmp);
    Files.write(runDir.resolve("jmh.json"), new byte[0]);
    assertThat(run(runDir.toString(), "-q")).isEqualTo(1);
    assertThat(err()).contains("jmh.json: empty (0 bytes): JMH was killed", "nothing was written or sent", "--partial");
    assertThat(runDir.resolve("points.lp")).doesNotExist();
    assertThat(run(runDir.toString(), "-q", "--partial")).isEqualTo(1);
    assertThat(Fixtures.linesOf(runDir.resolve("points.lp"), InfluxMeasurement.REQUEST)).hasSize(11);
  }

  /**
   * --influx-token reaches the wire as Authorization: Token, with no CREATE DATABASE; --write-only sends only
   * writes. A loopback server that answers writes with {@code writeCode} (401 as InfluxDB 2.x words it) and any
   * /query with 400, recording each request.
   */
  private int againstStub(int writeCode, java.util.List<String> seen, String... args) throws Exception {
    try (HttpStub server = HttpStub.start(x -> {
      x.getRequestBody().readAllBytes();
      seen.add(x.getRequestURI().getPath() + " " + x.getRequestHeaders().getFirst("Authorization"));
      boolean write = x.getRequestURI().getPath().equals("/write");
      HttpStub.send(x, write ? writeCode : 400, write ? "{\"code\":\"unauthorized\",\"message\":\"unauthorized access\"}"
          : "{\"error\":\"no InfluxQL here\"}");
    })) {
      java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(args));
      all.addAll(java.util.List.of("--influx", server.url(), "--retries", "0"));
      return run(all.toArray(new String[0]));
    }
  }

  @Test
  void influxTokenGoesOutAsTokenAuthorizationAndARefusalNamesTheOptionNotTheToken() throws Exception {
    Path runDir = Fixtures.copyRun("basic", tmp);
    java.util.List<String> seen = new java.util.ArrayList<>();
    assertThat(againstStub(401, seen, runDir.toString(), "-q", "--influx-token", "tok-123")).isEqualTo(1);
    assertThat(seen).isNotEmpty().allMatch(r -> r.equals("/write Token tok-123")); // no CREATE DATABASE
    assertThat(err()).contains("unauthorized access", "--influx-token").doesNotContain("tok-123");
  }

  @Test
  void writeOnlySendsOnlyWritesAndSucceedsWithoutInfluxQl() throws Exception {
    Path runDir = Fixtures.copyRun("basic", tmp);
    java.util.List<String> seen = new java.util.ArrayList<>();
    assertThat(againstStub(204, seen, runDir.toString(), "-q", "--write-only")).as(err()).isZero();
    assertThat(seen).isNotEmpty().allMatch(r -> r.equals("/write null"));
  }

  /** The launcher's step after a run is the command's: same file, same report. */
  @Test
  void afterRunWritesThePointsTheCommandWrites() throws Exception {
    Path a = Fixtures.copyRun("basic", tmp.resolve("a"));
    Path b = Fixtures.copyRun("basic", tmp.resolve("b"));
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertThat(Export.afterRun(a, null, o, o)).as(out.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("points built: 157", "netcalls_phase=19");
    assertThat(run(b.toString(), "-q")).isZero();
    assertThat(Files.readAllLines(a.resolve("points.lp"))).isEqualTo(Files.readAllLines(b.resolve("points.lp")));
  }

  @Test
  void afterRunRefusesAnInfluxUrlThatIsNotHttpBeforeWritingAnything() {
    Path a = Fixtures.copyRun("basic", tmp);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    assertThat(Export.afterRun(a, "localhost:8086", o, o)).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--influx", "must start with http://");
    assertThat(a.resolve("points.lp")).doesNotExist();
  }

  @Test
  void notAFolderExitsNonZero() {
    assertThat(run(tmp.resolve("nope").toString())).isEqualTo(1);
    // one line, and no word of a points.lp that was never written
    assertThat(err()).contains("is not a run folder", "nothing written").doesNotContain("points.lp")
        .hasLineCount(1);
    assertThat(tmp.resolve("nope")).doesNotExist();
  }

  @Test
  void badTargetIsAUsageError() {
    Path runDir = Fixtures.copyRun("basic", tmp);
    assertThat(run(runDir.toString(), "--influx", "localhost:8086")).isEqualTo(2);
    assertThat(err()).contains("must start with http://");
    assertThat(run(runDir.toString(), "--telegraf", "udp://nohostport")).isEqualTo(2);
  }

  @Test
  void unreachableInfluxExitsNonZeroAndKeepsTheFile() throws Exception {
    Path runDir = Fixtures.copyRun("basic", tmp);
    int closedPort;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = s.getLocalPort();
    }
    ExportCommand cmd = new ExportCommand(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code = new CommandLine(cmd).execute(runDir.toString(), "-q", "--retries", "1", "--influx",
        "http://127.0.0.1:" + closedPort);
    assertThat(code).isEqualTo(1);
    assertThat(err()).contains("gave up", "re-run the export", "157 not written").doesNotContain("Exception\n\tat ");
    assertThat(runDir.resolve("points.lp")).isNotEmptyFile();
  }

  @Test
  void anUnreadableJmhJsonIsOneLineNamingTheFile() throws Exception {
    Path runDir = Fixtures.copyRun("basic", tmp);
    Files.delete(runDir.resolve("jmh.json"));
    Files.createDirectory(runDir.resolve("jmh.json")); // cannot be read as a file, whoever runs the test
    assertThat(run(runDir.toString(), "-q")).isEqualTo(1);
    assertThat(err()).contains("jmh.json: cannot be read").doesNotContain("\tat ", "Exception:");
    assertThat(runDir.resolve("points.lp")).doesNotExist();
  }

  @Test
  void anOutputFolderThatCannotBeWrittenIsOneLineAndNothingIsLeft() throws Exception {
    Path runDir = Fixtures.copyRun("basic", tmp);
    Path out = tmp.resolve("no/such/folder/x.lp");
    assertThat(run(runDir.toString(), "-q", "--out", out.toString())).isEqualTo(1);
    assertThat(err()).contains("could not write", "x.lp", "no such folder").hasLineCount(1);
  }

  @Test
  void fileSystemErrorsSayWhatToDo() {
    assertThat(Export.reason(new java.nio.file.FileSystemException("/r/points.lp.tmp", null, "No space left on device")))
        .contains("No space left on device", "disk is full", "--out");
    assertThat(Export.reason(new java.nio.file.FileSystemException("/r/points.lp.tmp", null, "Read-only file system")))
        .contains("Read-only file system", "make it writable", "--out");
    assertThat(Export.reason(new java.nio.file.AccessDeniedException("/r/points.lp.tmp"))).contains("permission denied");
  }

  @Test
  void anEmptyRunFolderNameIsRefusedNotTheCurrentFolder() {
    assertThat(run("")).isEqualTo(2);
    assertThat(err()).contains("\"\"", "nothing written").hasLineCount(1);
  }

  @Test
  void checkWritesNothingAndSaysWhatIsWrong() throws Exception {
    Path runDir = Fixtures.copyRun("basic", tmp);
    assertThat(run(runDir.toString(), "--check", "-q")).isZero();
    assertThat(runDir.resolve("points.lp")).doesNotExist();
    Files.write(runDir.resolve("jmh.json"), new byte[0]);
    assertThat(run(runDir.toString(), "--check")).isEqualTo(1);
    assertThat(err()).contains("checked, nothing written", "0 bytes");
    assertThat(runDir.resolve("points.lp")).doesNotExist();
  }
}
