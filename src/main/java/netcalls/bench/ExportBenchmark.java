package netcalls.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import netcalls.export.ExportReport;
import netcalls.export.RunExporter;
import netcalls.run.RunFolder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Export speed: sample points per second from a sample CSV to a line protocol file, i.e. the whole
 * {@link RunExporter#exportToFile} of a run folder with one trial of {@value #ROWS} synthetic rows
 * ({@link SampleFileGenerator}): CSV parsing, one netcalls_request line per row, histograms,
 * failures, writing the file (to the temp folder, so mostly the page cache). The score is rows per
 * second (one operation = one row = one netcalls_request point).
 *
 * <pre>java -jar target/benchmarks.jar ExportBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx512m"})
public class ExportBenchmark {
  static final int ROWS = 200_000;

  private Path dir;
  private Path runDir;
  private Path out;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    dir = Files.createTempDirectory("export-bench");
    runDir = dir.resolve("run");
    out = dir.resolve(RunFolder.POINTS);
    SampleFileGenerator.write(runDir, ROWS);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long csvToLineProtocol() throws IOException {
    ExportReport r = RunExporter.quiet().exportToFile(runDir, out);
    if (r.pointsBuilt(netcalls.export.line.InfluxMeasurement.REQUEST) != ROWS) {
      throw new IllegalStateException(r.summary());
    }
    return r.pointsBuilt();
  }
}
