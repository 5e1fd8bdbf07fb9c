package netcalls.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import netcalls.compare.Compare;
import netcalls.compare.CompareException;
import netcalls.compare.Comparison;
import netcalls.compare.CostRows;
import netcalls.compare.FramesMoved;
import netcalls.compare.Formats;
import netcalls.compare.Options;
import netcalls.export.ComparePoints;
import netcalls.export.sink.Delivery;
import netcalls.export.sink.InfluxSink;
import netcalls.export.sink.InfluxTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare BASE CAND}: is the candidate slower than the baseline, by how much, how sure, and why. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare two runs (or two sides of several runs each, forks pooled) row by row.",
        "Sides whose runs interleave one for one in time (A1 B1 B2 A2 ...) are compared as paired rounds; other"
            + " sides pool their forks. A change must reach --threshold on the point estimate (the Hodges-Lehmann"
            + " ratio) and be significant after Benjamini-Hochberg over the gated rows.",
        "Exit 0: no regression; 1: at least one gated row slower (or, with --gate-alloc, allocating more per call); 2: bad input (also sides run one after the other,"
            + " without --allow-sequential), or the netcalls_compare points could not all be written to InfluxDB."},
    exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 2)
final class CompareCommand implements Callable<Integer> {
  enum Format { text, md, json }

  @Parameters(index = "0", paramLabel = "BASE", description = "baseline run folder(s), comma-separated: results/A or A1,A2,A3")
  String base;

  @Parameters(index = "1", paramLabel = "CAND", description = "candidate run folder(s), comma-separated")
  String cand;

  @Option(names = "--format", defaultValue = "text", description = "text (default), md (CI job summary) or json")
  Format format;

  @Option(names = "--alpha", defaultValue = "0.05", description = "false-discovery rate across rows (default 0.05)")
  double alpha;

  @Option(names = "--threshold", defaultValue = "5%", converter = Percent.class,
      description = "smallest change that counts, in percent (default 5%%)")
  double threshold;

  @Option(names = "--max-cv", defaultValue = "10%", converter = Percent.class,
      description = "fork scatter (coefficient of variation) above which an inconclusive row is noisy (default 10%%)")
  double maxCv;

  @Option(names = "--force", description = "compare runs made with different JMH options (-wi/-w/-i/-r/-t)")
  boolean force;

  @Option(names = "--gate", paramLabel = "REGEX", description = "the rows that can fail the build: those whose"
      + " label (benchmark and parameters as printed, e.g. 'RequestLatency.request client=okhttp scheme=http"
      + " strategy=reuse') contains a match of REGEX; Benjamini-Hochberg corrects over them only; the other rows are"
      + " informational (verdict shown, never exit 1). Default: every row")
  String gate;

  @Option(names = "--gate-p99", description = "the p99 rows (a test of the forks' or rounds' p99s, beside each"
      + " sample-mode row) that --gate matches can fail the build too; default: p99 rows informational. A p99 with"
      + " fewer than 10 samples beyond it in a fork is thin: no verdict, never gated")
  boolean gateP99;

  @Option(names = "--allow-sequential", description = "compare sides of which one ran wholly before the other"
      + " (refused by default: the machine's drift between them counts as a change)")
  boolean allowSequential;

  @Option(names = "--ignore-param", paramLabel = "NAME", split = ",", description = "leave the -p parameter NAME"
      + " out of the row key, so results differing only in it are one row (e.g. trace: trace=off runs as BASE against"
      + " trace=on runs as CAND); repeatable")
  List<String> ignoreParams = new java.util.ArrayList<>();

  @Option(names = "--gate-alloc", description = "exit 1 also when a row allocates more per call (its cost row"
      + " says more); off by default, since a slower server or network also adds the allocation of the client's"
      + " timed background threads to each call (docs/COST.md)")
  boolean gateAlloc;

  @Option(names = "--influx", paramLabel = "URL", description = "also write the rows as netcalls_compare points to"
      + " InfluxDB 1.x at URL (default: NETCALLS_INFLUX_URL when set); credentials from INFLUX_USER/INFLUX_PASSWORD")
  String influx;

  @Option(names = "--database", defaultValue = InfluxTarget.DEFAULT_DATABASE,
      description = "InfluxDB database (default: ${DEFAULT-VALUE})")
  String database;

  @Override
  public Integer call() {
    try {
      return compare();
    } catch (RuntimeException e) {
      // a defect, or input no check foresaw: still one line and exit 2, never a stack trace or exit 1
      System.out.flush();
      System.err.println("netcalls compare: could not compare " + base + " with " + cand + ": " + oneLine(e)
          + "; please report it with the run folders");
      return 2;
    }
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m.replaceAll("\\s*\\R\\s*", " "));
  }

  private Integer compare() {
    Options o;
    try {
      o = new Options(alpha, threshold, maxCv, force, gate, allowSequential, gateP99);
    } catch (IllegalArgumentException e) {
      System.err.println("netcalls compare: " + e.getMessage());
      return 2;
    }
    InfluxTarget target;
    try { // checked before any work: a bad URL is a usage error
      target = influx != null ? InfluxTarget.of(influx, database)
          : InfluxTarget.fromEnvironment(database).orElse(null);
    } catch (IllegalArgumentException e) {
      System.err.println("netcalls compare: --influx: " + e.getMessage());
      return 2;
    }
    String profiled = profiledAgainstUnprofiled(paths(base), paths(cand));
    if (profiled != null) {
      System.err.println("netcalls compare: " + profiled);
      return 2;
    }
    Comparison c;
    try {
      c = Compare.runs(paths(base), paths(cand), o, java.util.Set.copyOf(ignoreParams));
    } catch (CompareException e) {
      System.err.println("netcalls compare: " + e.getMessage());
      return 2;
    }
    // cost per call: rows of their own, with their own noise (netcalls.compare.CostRows)
    CostRows.Result costs = CostRows.compare(paths(base), paths(cand), java.util.Set.copyOf(ignoreParams));
    // of two profiled sides: the frames whose samples per call moved (netcalls.compare.FramesMoved)
    FramesMoved.Result frames = FramesMoved.compare(paths(base), paths(cand));
    List<Path> graphs = diffGraphs(frames, paths(base), paths(cand));
    switch (format) {
      case md:
        System.out.print(Formats.markdown(c) + CostRows.text(costs, true) + FramesMoved.text(frames, true)
            + graphLines(graphs, true));
        break;
      case json:
        System.out.print(withCost(Formats.json(c), costs, frames, graphs));
        break;
      default:
        System.out.print(Formats.text(c) + CostRows.text(costs, false) + FramesMoved.text(frames, false)
            + graphLines(graphs, false));
        break;
    }
    if (format != Format.text) {
      // stdout is likely a file here: say what went wrong where a person sees it too
      c.warnings().forEach(w -> System.err.println("netcalls compare: warning: " + w));
      c.errors().forEach(e -> System.err.println("netcalls compare: error: " + e));
    }
    System.out.flush();
    if (target != null && !writePoints(c, target)) {
      return 2;
    }
    if (gateAlloc && c.exitCode() == 0 && costs.regression()) {
      return 1; // more allocation per call, even when latency did not move
    }
    return c.exitCode();
  }

  /**
   * A differential flame graph per profiled row, written into the (first) candidate's run folder; none when no row
   * was profiled on both sides. One that cannot be written is said on stderr: the comparison stands without it.
   */
  private static List<Path> diffGraphs(FramesMoved.Result frames, List<Path> base, List<Path> cand) {
    if (frames.rows() == 0) {
      return List.of();
    }
    try {
      return netcalls.compare.DiffFlameGraph.writeAll(base, cand, cand.get(0));
    } catch (IOException e) {
      System.err.println("netcalls compare: cannot write the differential flame graphs under " + cand.get(0)
          + " (" + e.getMessage() + "): make its profiles/ folder writable; the comparison stands without them");
      return List.of();
    }
  }

  private static String graphLines(List<Path> graphs, boolean markdown) {
    StringBuilder s = new StringBuilder();
    graphs.forEach(g -> s.append(markdown ? "- differential flame graph: `" + g + "`" : "differential flame graph: "
        + g).append('\n'));
    return s.toString();
  }

  /** Why the sides cannot be gated against each other: a profiled run on one side only; null when they can. */
  static String profiledAgainstUnprofiled(List<Path> base, List<Path> cand) {
    List<Path> all = new java.util.ArrayList<>(base);
    all.addAll(cand);
    Path profiled = null;
    Path plain = null;
    for (Path p : all) {
      if (netcalls.read.Profile.of(netcalls.run.RunFolder.of(p)) != null) {
        profiled = profiled == null ? p : profiled;
      } else {
        plain = plain == null ? p : plain;
      }
    }
    if (profiled == null || plain == null) {
      return null;
    }
    return profiled + " was profiled (--profile) and " + plain + " was not: profiling changes the numbers, so they"
        + " are not compared; compare profiled runs with profiled runs, unprofiled with unprofiled";
  }

  /** compare's JSON with the cost rows under {@code cost}. */
  private static String withCost(String json, CostRows.Result costs, FramesMoved.Result frames, List<Path> graphs) {
    try {
      com.fasterxml.jackson.databind.ObjectMapper m = new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
      com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode) m.readTree(json);
      n.set("cost", m.valueToTree(CostRows.json(costs)));
      com.fasterxml.jackson.databind.node.ObjectNode stacks = m.valueToTree(FramesMoved.json(frames));
      graphs.forEach(g -> stacks.withArray("flameGraphs").add(g.toString()));
      n.set("stacks", stacks);
      return m.writeValueAsString(n) + "\n";
    } catch (IOException | ClassCastException e) {
      throw new IllegalStateException("compare's own JSON did not parse: " + e.getMessage(), e);
    }
  }

  /** The rows as netcalls_compare points, through the exporter's file and InfluxDB sink; false when not all arrived. */
  private static boolean writePoints(Comparison c, InfluxTarget target) {
    Path file = null;
    try {
      file = Files.createTempFile("netcalls-compare-", ".lp");
      ComparePoints.Written w = ComparePoints.write(c, file);
      // this comparison replaces an earlier one of the same runs (whose verdict tags may differ)
      Delivery d = new InfluxSink(target, Thread::sleep).deliver(file, w.scope(), true);
      System.err.println("netcalls compare: netcalls_compare points: " + d.summary());
      if (!d.ok()) {
        System.err.println("netcalls compare: not every point reached InfluxDB (see above); re-run the comparison"
            + " once the cause is fixed: its points are timed at the candidate's end, so they overwrite, never"
            + " duplicate");
      }
      return d.ok();
    } catch (IOException | IllegalArgumentException e) {
      System.err.println("netcalls compare: could not write the netcalls_compare points: " + e.getMessage());
      return false;
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a temp file left behind is harmless
        }
      }
    }
  }

  private static List<Path> paths(String list) {
    return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList();
  }

  /** {@code 5%} or {@code 5} as the fraction 0.05. */
  static final class Percent implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String v = value.strip();
      if (v.endsWith("%")) {
        v = v.substring(0, v.length() - 1).strip();
      }
      try {
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d) || d < 0) {
          throw new NumberFormatException();
        }
        return d / 100;
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a percentage: write e.g. 5%");
      }
    }
  }
}
