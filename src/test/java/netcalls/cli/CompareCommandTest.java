package netcalls.cli;

import static netcalls.compare.RunBuilder.OKHTTP;
import static netcalls.compare.RunBuilder.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import netcalls.compare.RunBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code compare} through the jar's entry point: exit codes 0, 1, 2, formats, options. */
class CompareCommandTest {
  @TempDir
  Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;
  private Path base;
  private Path same;
  private Path slower;

  @BeforeEach
  void runs() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    base = new RunBuilder(tmp.resolve("base")).sample(REQUEST, OKHTTP, "us/op", 100, 101, 99, 102, 98).write();
    same = new RunBuilder(tmp.resolve("same")).sample(REQUEST, OKHTTP, "us/op", 100.5, 99.5, 101.5, 98.5, 100.2).write();
    slower = new RunBuilder(tmp.resolve("slower")).sample(REQUEST, OKHTTP, "us/op", 104, 105, 103, 106, 102).write();
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBadInfluxUrlIsAUsageErrorBeforeAnyWork() {
    assertThat(Main.run(new String[] {"compare", base.toString(), same.toString(), "--influx", "ftp://127.0.0.1:8086"}))
        .isEqualTo(2);
    assertThat(stderr()).contains("--influx").contains("http://").doesNotContain("Exception");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void noRegressionExitsZero() {
    assertThat(Main.run(new String[] {"compare", base.toString(), same.toString()})).as("%s", err).isZero();
    assertThat(stdout()).contains("RequestLatency.request").contains("~").contains("Method:");
  }

  @Test
  void aRegressionExitsOneAndTheThresholdTunesIt() {
    // +4 %: below the default 5 % threshold, above 3 %
    assertThat(Main.run(new String[] {"compare", base.toString(), slower.toString()})).isZero();
    out.reset();
    assertThat(Main.run(new String[] {"compare", base.toString(), slower.toString(), "--threshold", "3%"})).isEqualTo(1);
    assertThat(stdout()).contains("slower");
  }

  @Test
  void commaSeparatedSidesArePooled() throws Exception {
    Path base2 = new RunBuilder(tmp.resolve("base2")).sample(REQUEST, OKHTTP, "us/op", 100, 101, 99).write();
    int code = Main.run(new String[] {"compare", base + "," + base2, same.toString(), "--format", "json"});
    assertThat(code).isZero();
    assertThat(new ObjectMapper().readTree(stdout()).path("rows").get(0).path("nBaseline").asInt()).isEqualTo(8);
  }

  @Test
  void ignoreParamComparesTraceOffWithTraceOn() throws Exception {
    java.util.Map<String, String> off = new java.util.HashMap<>(OKHTTP);
    off.put("trace", "off");
    java.util.Map<String, String> on = new java.util.HashMap<>(OKHTTP);
    on.put("trace", "on");
    Path a = new RunBuilder(tmp.resolve("off")).sample(REQUEST, off, "us/op", 100, 101, 99, 102, 98).write();
    Path b = new RunBuilder(tmp.resolve("on")).sample(REQUEST, on, "us/op", 120, 121, 119, 122, 118).write();
    assertThat(Main.run(new String[] {"compare", a.toString(), b.toString(), "--ignore-param", "trace",
        "--format", "json"})).isEqualTo(1);
    com.fasterxml.jackson.databind.JsonNode rows = new ObjectMapper().readTree(stdout()).path("rows");
    assertThat(rows).hasSize(2); // the p50 row and its p99 row
    assertThat(rows.get(1).path("stat").asText()).isEqualTo("p99");
    assertThat(rows.get(0).path("nBaseline").asInt()).isEqualTo(5);
    assertThat(rows.get(0).path("nCandidate").asInt()).isEqualTo(5);
  }

  /** Issue 20 item 14: byte-identical copies counted as independent forks; one run on both sides went unremarked. */
  @Test
  void theSameRunTwiceOnASideIsAnErrorAndOnBothSidesGetsNoVerdict() throws Exception {
    Path copy = tmp.resolve("copy");
    try (var files = java.nio.file.Files.walk(base)) {
      for (Path f : files.toList()) {
        java.nio.file.Files.copy(f, copy.resolve(base.relativize(f).toString()));
      }
    }
    assertThat(Main.run(new String[] {"compare", base + "," + copy, slower.toString()})).isEqualTo(2);
    assertThat(stderr()).contains("are the same run (jmh.json and run.json the same, byte for byte)",
        "list each run once").hasLineCount(1);
    err.reset();
    assertThat(Main.run(new String[] {"compare", base.toString(), copy.toString(), "--format", "json"})).isZero();
    com.fasterxml.jackson.databind.JsonNode json = new ObjectMapper().readTree(stdout());
    assertThat(json.path("warnings").toString()).contains("the same run (identical jmh.json and run.json) on both sides:",
        "no verdict");
    assertThat(json.path("rows")).isNotEmpty().allSatisfy(r -> assertThat(r.path("verdict").asText()).isEqualTo("invalid"));
  }

  @Test
  void markdownForTheJobSummary() {
    Main.run(new String[] {"compare", base.toString(), same.toString(), "--format", "md"});
    assertThat(stdout()).startsWith("### netcalls compare:").contains("|---|");
  }

  @Test
  void badInputExitsTwoWithOneClearLine() {
    assertThat(Main.run(new String[] {"compare", base.toString(), tmp.resolve("missing").toString()})).isEqualTo(2);
    assertThat(stderr()).contains("missing: no such run folder").hasLineCount(1);
    assertThat(stdout()).isEmpty();
  }

  @Test
  void badOptionsExitTwo() {
    assertThat(Main.run(new String[] {"compare", base.toString(), same.toString(), "--threshold", "five"})).isEqualTo(2);
    assertThat(stderr()).contains("'five' is not a percentage");
    err.reset();
    assertThat(Main.run(new String[] {"compare", base.toString(), same.toString(), "--alpha", "1.5"})).isEqualTo(2);
    assertThat(stderr()).contains("alpha must be between 0 and 1");
    err.reset();
    assertThat(Main.run(new String[] {"compare", base.toString()})).isEqualTo(2);
    assertThat(stderr()).contains("CAND");
  }

  @Test
  void warningsReachStderrWhenStdoutIsMachineOutput() throws Exception {
    Path oneFork = new RunBuilder(tmp.resolve("one")).sample(REQUEST, OKHTTP, "us/op", 100).write();
    int code = Main.run(new String[] {"compare", base.toString(), oneFork.toString(), "--format", "json"});
    assertThat(code).isZero();
    assertThat(stderr()).contains("warning:").contains("single fork");
    assertThat(new ObjectMapper().readTree(stdout()).path("warnings")).singleElement().asString().contains("single fork");
  }

  /** Issue 22: sides run one after the other are refused (exit 2, naming the way out) unless --allow-sequential. */
  @Test
  void backToBackSidesExitTwoUnlessAllowed() {
    Path early = new RunBuilder(tmp.resolve("early")).times("2026-11-20T01:00:00Z", "2026-11-20T01:10:00Z")
        .sample(REQUEST, OKHTTP, "us/op", 100, 101, 99, 102, 98).write();
    Path late = new RunBuilder(tmp.resolve("late")).times("2026-11-20T01:10:00Z", "2026-11-20T01:20:00Z")
        .sample(REQUEST, OKHTTP, "us/op", 120, 121, 119, 122, 118).write();
    assertThat(Main.run(new String[] {"compare", early.toString(), late.toString()})).isEqualTo(2);
    assertThat(stderr()).contains("did not interleave").contains("--allow-sequential").hasLineCount(1);
    assertThat(stdout()).isEmpty();
    err.reset();
    assertThat(Main.run(new String[] {"compare", early.toString(), late.toString(), "--allow-sequential"}))
        .isEqualTo(1);
    assertThat(stdout()).contains("slower").contains("warning: the baseline runs and the candidate runs did not"
        + " interleave").contains("compared anyway (--allow-sequential)");
  }

  @Test
  void theGateChoosesTheRowsThatCanFail() throws Exception {
    Path slow = new RunBuilder(tmp.resolve("slow")).sample(REQUEST, OKHTTP, "us/op", 120, 121, 119, 122, 118).write();
    assertThat(Main.run(new String[] {"compare", base.toString(), slow.toString(), "--gate", "client=ahc",
        "--format", "json"})).isZero();
    com.fasterxml.jackson.databind.JsonNode json = new ObjectMapper().readTree(stdout());
    assertThat(json.path("rows").get(0).path("verdict").asText()).isEqualTo("slower");
    assertThat(json.path("rows").get(0).path("gated").asBoolean()).isFalse();
    assertThat(json.path("familySize").asInt()).isZero();
    out.reset();
    assertThat(Main.run(new String[] {"compare", base.toString(), slow.toString(), "--gate", "client=okhttp"}))
        .isEqualTo(1);
    err.reset();
    assertThat(Main.run(new String[] {"compare", base.toString(), slow.toString(), "--gate", "client=(okhttp"}))
        .isEqualTo(2);
    assertThat(stderr()).contains("--gate 'client=(okhttp' is not a regular expression").hasLineCount(1);
  }

  /** Issue 22: every exception in compare exits 2 with one line, never a stack trace. */
  @Test
  void anUnforeseenExceptionExitsTwoWithOneLine() {
    CompareCommand c = new CompareCommand();
    c.base = base.toString();
    c.cand = null; // no picocli parse can give this: it stands for any defect past the checks
    c.format = CompareCommand.Format.text;
    c.alpha = 0.05;
    c.threshold = 0.05;
    c.maxCv = 0.1;
    c.database = "netcalls";
    assertThat(c.call()).isEqualTo(2);
    assertThat(stderr()).startsWith("netcalls compare: could not compare ").contains("NullPointerException")
        .hasLineCount(1).doesNotContain("\tat ");
  }
}
