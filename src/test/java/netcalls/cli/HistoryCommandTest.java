package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netcalls.compare.Compare;
import netcalls.compare.Comparison;
import netcalls.compare.Formats;
import netcalls.compare.Options;
import netcalls.compare.RunBuilder;
import netcalls.history.HistoryFile;
import netcalls.history.Night;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code history} as the jar runs it: exit codes, one-line errors, the lines it appends. */
class HistoryCommandTest {
  private static final String ROW = "netcalls.bench.RequestLatency.request client=okhttp";
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @TempDir
  Path dir;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  @Test
  void aNewChangePointExits1AndAnAcceptedOneExits0() throws Exception {
    Path history = dir.resolve("h.jsonl");
    Files.write(history, stepHistory());

    assertThat(Main.run(new String[] {"history", "check", history.toString()})).as(err.toString()).isEqualTo(1);
    assertThat(out.toString()).contains("change " + ROW + ": +6.0 % from 2026-11-11 (line 11), commits ");

    assertThat(Main.run(new String[] {"history", "accept", "--history", history.toString(), "--date", "2026-11-21",
        "--baseline", sha(19), "--candidate", sha(19), "--reason", "HTTP/2 by default"})).isZero();
    assertThat(Files.readAllLines(history).get(20)).contains("\"verdict\":\"ACCEPT\"", "\"reason\":\"HTTP/2 by default\"");
    out.reset();
    assertThat(Main.run(new String[] {"history", "check", history.toString()})).as(err.toString()).isZero();
    assertThat(out.toString()).contains("line 21 (the last ACCEPT)").doesNotContain("NEW");
  }

  @Test
  void badInputExits2WithOneLineNamingFileLineAndField() throws Exception {
    Path history = dir.resolve("h.jsonl");
    List<String> lines = new ArrayList<>(stepHistory());
    lines.set(4, lines.get(4).replace("\"PASS\"", "\"OK\""));
    Files.write(history, lines);

    assertThat(Main.run(new String[] {"history", "check", history.toString()})).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("netcalls history: " + history
        + " line 5: field 'verdict': OK is none of PASS, ACCEPT, HOLD, REGRESSION; fix or delete the line\n");
    assertThat(out.toString()).as("the other nights are still read").contains("history: 19 nights, 1 rows");

    err.reset();
    assertThat(Main.run(new String[] {"history", "check", dir.resolve("none.jsonl").toString()})).isEqualTo(2);
    assertThat(err.toString()).isEqualTo("netcalls history: " + dir.resolve("none.jsonl")
        + ": cannot read it (NoSuchFileException): give the history file the nightly writes\n");

    err.reset();
    assertThat(Main.run(new String[] {"history", "accept", "--history", history.toString(), "--date", "d",
        "--baseline", sha(1), "--candidate", "main", "--reason", "x"})).isEqualTo(2);
    assertThat(err.toString()).isEqualTo(
        "netcalls history: --baseline/--candidate: field 'candidate': main is not a git sha (7 to 40 lower-case hex digits)\n");
  }

  @Test
  void busyNamesTheRoundsOverTheRule() throws Exception {
    Path rounds = dir.resolve("rounds.tsv");
    Files.write(rounds, List.of("round\tside\tidle_ticks\tsteal_ticks\ttotal_ticks\town_cpu_ms\twall_ms\tcores",
        "1\tbaseline\t1800\t0\t12000\t100000\t60000\t2", "1\tcandidate\t1900\t0\t12000\t99000\t60000\t2",
        "2\tcandidate\t2000\t0\t12000\t70000\t60000\t2", "2\tbaseline\t1800\t0\t12000\t100000\t60000\t2",
        "3\tbaseline\t1000\t1080\t12000\t90000\t60000\t2", "3\tcandidate\t1800\t0\t12000\t100000\t60000\t2"));

    assertThat(Main.run(new String[] {"history", "busy", rounds.toString()})).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo("2\tcandidate run: other processes used 0.50 cores during the run, above 0.25\n"
        + "3\tbaseline run: 9.0 % of CPU time stolen during the run, above 5 %\n");

    Files.writeString(rounds, "1\tbaseline\tx\t0\t12000\t100000\t60000\t2\n");
    assertThat(Main.run(new String[] {"history", "busy", rounds.toString()})).isEqualTo(2);
    assertThat(err.toString()).startsWith("netcalls history: " + rounds + " line 1: ")
        .endsWith("; give round, side, idle ticks, steal ticks, total ticks, own CPU ms, wall ms, cores\n");
  }

  /**
   * compare's JSON field names have one owner (netcalls.run.CompareJson): what Formats writes, history record reads
   * back. A name respelt on one side only breaks this; renamed in the owner, both follow.
   */
  @Test
  void recordReadsTheGatedVerdictsThatCompareWrites() throws Exception {
    Path a = new RunBuilder(dir.resolve("a")).sample(RunBuilder.REQUEST, RunBuilder.OKHTTP, "us/op", 100, 101, 99, 102, 98)
        .sample(RunBuilder.REQUEST, RunBuilder.AHC, "us/op", 100, 101, 99, 102, 98).write();
    Path b = new RunBuilder(dir.resolve("b")).sample(RunBuilder.REQUEST, RunBuilder.OKHTTP, "us/op", 120, 121, 119, 122, 118)
        .sample(RunBuilder.REQUEST, RunBuilder.AHC, "us/op", 120, 121, 119, 122, 118).write();
    Comparison c = Compare.runs(List.of(a), List.of(b), new Options(0.05, 0.05, 0.10, false, "client=okhttp", false));
    assertThat(c.rows()).hasSize(4); // two rows, each with its p99 row; all slower
    assertThat(c.rows()).allMatch(r -> r.verdict() == netcalls.compare.Verdict.SLOWER);

    // only the gated okhttp p50 row judges the night: ahc and the p99 rows are informational
    assertThat(HistoryCommand.gatedVerdicts(netcalls.read.Json.MAPPER.readTree(Formats.json(c))))
        .containsExactly("slower");
    assertThat(HistoryCommand.gatedVerdicts(netcalls.read.Json.MAPPER.readTree("{}"))).isNull();
  }

  private static List<String> stepHistory() {
    List<String> lines = new ArrayList<>();
    double[] step = {100.2, 99.1, 100.8, 99.6, 100.4, 99.9, 101.0, 99.3, 100.1, 100.6,
        106.3, 105.8, 106.9, 105.5, 106.2, 107.0, 105.9, 106.4, 106.1, 105.7};
    for (int i = 0; i < step.length; i++) {
      double x = step[i];
      lines.add(HistoryFile.line(new Night(0, String.format("2026-11-%02d", i + 1), sha(Math.max(0, i - 1)), sha(i),
          Night.Kind.PASS, null, Map.of(ROW, new Night.Values("us/op", new double[] {x}, new double[] {x - 0.2, x, x + 0.2})),
          List.of())));
    }
    return lines;
  }

  private static String sha(int i) {
    return String.format("%07x", 0xabc0000 + i) + "0".repeat(33);
  }
}
