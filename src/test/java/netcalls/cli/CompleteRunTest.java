package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import netcalls.export.Fixtures;
import netcalls.export.line.InfluxMeasurement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 items 2, 3 and 18: one rule for a complete run (read.Completeness), asked by export, compare, report and
 * summary alike; every count the run recorded is checked against what is there before anything is written.
 */
class CompleteRunTest {
  private static final String CSV = "RequestLatency.request-1a2b3c4d-4242.csv";

  @TempDir
  Path tmp;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

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

  private int main(String... args) {
    err.reset();
    out.reset();
    return Main.run(args);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private Path damaged(String name, Consumer<Path> damage) {
    Path run = Fixtures.copyRun("basic", tmp.resolve(name));
    damage.accept(run);
    return run;
  }

  /** export refuses (exit 1, nothing written), naming what is missing; --partial writes and says so in the marker. */
  private void exportRefusesThenPartialMarks(Path run, String... said) throws Exception {
    assertThat(main("export", run.toString(), "-q")).as(stderr()).isEqualTo(1);
    assertThat(stderr()).contains(said).contains("nothing was written or sent").doesNotContain("Exception");
    assertThat(run.resolve("points.lp")).doesNotExist();
    assertThat(main("export", run.toString(), "-q", "--partial")).isEqualTo(1);
    assertThat(Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.RUN)).singleElement().asString()
        .contains("partial=true", "errors=");
  }

  @Test
  void missingSamplesInEveryShapeAreNotComplete() throws Exception {
    List<Path> runs = List.of(
        damaged("missing", r -> delete(r.resolve("samples"))),
        damaged("empty", r -> {
          delete(r.resolve("samples"));
          mkdir(r.resolve("samples"));
        }),
        damaged("file", r -> {
          delete(r.resolve("samples"));
          write(r.resolve("samples"), "x");
        }),
        damaged("broken", r -> {
          delete(r.resolve("samples"));
          link(r.resolve("samples"), r.resolve("gone"));
        }),
        damaged("loop", r -> {
          delete(r.resolve("samples"));
          link(r.resolve("samples"), r.resolve("samples"));
        }));
    for (Path run : runs) {
      exportRefusesThenPartialMarks(run, "samples");
      String first = stderr().lines().filter(l -> l.contains("samples")).findFirst().orElseThrow();
      assertThat(first).containsAnyOf("\"recordedSamples\": 11, but the trials", "a regular file, not a folder",
          "a broken link, not a folder", "a link loop, not a folder");
      assertThat(main("compare", run.toString(), run.toString())).isEqualTo(2);
      assertThat(main("report", run.toString())).isEqualTo(2);
      assertThat(main("summary", run.toString())).isEqualTo(1);
      assertThat(stderr().lines().reduce((a, b) -> b).orElseThrow()).startsWith("netcalls summary: ");
    }
  }

  @Test
  void aCsvCutAtARowBoundaryNamesTheTrialAndBothCounts() throws Exception {
    Path run = damaged("cut", r -> {
      Path csv = r.resolve("samples").resolve(CSV);
      List<String> lines = Fixtures.lines(csv);
      write(csv, String.join("\n", lines.subList(0, 3)) + "\n"); // header and 2 of 5 rows
    });
    exportRefusesThenPartialMarks(run, "trial RequestLatency.request-1a2b3c4d-4242: " + CSV + " holds 2 rows, but"
        + " RequestLatency.request-1a2b3c4d-4242.json says \"recorded\": 5");
    assertThat(main("compare", run.toString(), run.toString())).isEqualTo(2);
    assertThat(stderr()).contains("holds 2 rows").hasLineCount(1);
  }

  @Test
  void aRunWithoutEndOrExitCodeIsIncompleteForEveryCommand() throws Exception {
    for (String field : List.of("end", "exitCode")) {
      Path run = damaged("no-" + field, r -> write(r.resolve("run.json"),
          read(r.resolve("run.json")).replaceAll("\\s*\"" + field + "\": [^,]*,", "")));
      String said = "run.json: no \"" + field + "\"";
      exportRefusesThenPartialMarks(run, said);
      assertThat(main("compare", run.toString(), run.toString())).isEqualTo(2);
      assertThat(stderr()).contains(said).hasLineCount(1);
      assertThat(main("report", run.toString())).isEqualTo(2);
      assertThat(stderr()).startsWith("netcalls report: ").contains(said);
      assertThat(run.resolve("report.html")).doesNotExist();
      assertThat(main("summary", run.toString())).isEqualTo(1);
      assertThat(stderr()).startsWith("netcalls summary: ").contains(said);
    }
  }

  /** Issue 20 item 18: summary and report exited 0 on a damaged jmh.json, saying so only on screen. */
  @Test
  void aDamagedJmhJsonMakesSummaryAndReportExitNonZero() throws Exception {
    Path run = damaged("cut-jmh", r -> {
      String jmh = read(r.resolve("jmh.json"));
      write(r.resolve("jmh.json"), jmh.substring(0, jmh.length() / 2));
    });
    assertThat(main("summary", run.toString())).isEqualTo(1);
    assertThat(stderr()).startsWith("netcalls summary: ").contains("jmh.json");
    assertThat(main("report", run.toString())).isEqualTo(2);
    assertThat(stderr()).startsWith("netcalls report: ").contains("jmh.json").doesNotContain("Exception");
  }

  /** Issue 20 item 11: a 2 GB sparse CSV crashed export, summary and report (NegativeArraySizeException). */
  @Test
  void aSparseCsvNamesTheFileTheLineAndTheLimit() throws Exception {
    Path run = damaged("sparse", r -> {
      try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(r.resolve("samples").resolve(CSV).toFile(), "rw")) {
        f.setLength(2L << 30); // zeros after the 5 rows: no newline for 2 GB
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    String said = CSV + ": line 7 is longer than 1 MiB, the limit of a CSV line";
    assertThat(main("export", run.toString(), "-q")).isEqualTo(1);
    assertThat(stderr()).contains(said).doesNotContain("Exception");
    assertThat(main("summary", run.toString())).isEqualTo(1);
    assertThat(stderr()).contains(said).doesNotContain("Exception");
    assertThat(main("report", run.toString())).isEqualTo(2);
    assertThat(stderr()).startsWith("netcalls report: ").contains(said).doesNotContain("Exception");
    assertThat(netcalls.report.ReportWriter.render(run, null)).contains(said);
  }

  @Test
  void theWholeFixtureIsComplete() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    assertThat(main("export", run.toString(), "-q")).as(stderr()).isZero();
    assertThat(Fixtures.linesOf(run.resolve("points.lp"), InfluxMeasurement.RUN)).singleElement().asString()
        .doesNotContain("partial=");
    assertThat(main("summary", run.toString())).as(stderr()).isZero();
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void write(Path p, String s) {
    try {
      Files.writeString(p, s);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void mkdir(Path p) {
    try {
      Files.createDirectories(p);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void link(Path link, Path to) {
    try {
      Files.createSymbolicLink(link, to);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void delete(Path dir) {
    try (var files = Files.walk(dir)) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
