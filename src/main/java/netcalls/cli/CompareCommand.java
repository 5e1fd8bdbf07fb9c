package netcalls.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import netcalls.compare.Compare;
import netcalls.compare.CompareException;
import netcalls.compare.Comparison;
import netcalls.compare.Formats;
import netcalls.compare.Options;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code compare BASE CAND}: is the candidate slower than the baseline, by how much, how sure, and why. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Compare two runs (or two sides of several runs each, forks pooled) row by row.",
        "Exit 0: no regression; 1: at least one row slower; 2: bad input."},
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

  @Override
  public Integer call() {
    Options o;
    try {
      o = new Options(alpha, threshold, maxCv, force);
    } catch (IllegalArgumentException e) {
      System.err.println("netcalls compare: " + e.getMessage());
      return 2;
    }
    Comparison c;
    try {
      c = Compare.runs(paths(base), paths(cand), o);
    } catch (CompareException e) {
      System.err.println("netcalls compare: " + e.getMessage());
      return 2;
    }
    switch (format) {
      case md:
        System.out.print(Formats.markdown(c));
        break;
      case json:
        System.out.print(Formats.json(c));
        break;
      default:
        System.out.print(Formats.text(c));
        break;
    }
    if (format != Format.text) {
      // stdout is likely a file here: say what went wrong where a person sees it too
      c.warnings().forEach(w -> System.err.println("netcalls compare: warning: " + w));
      c.errors().forEach(e -> System.err.println("netcalls compare: error: " + e));
    }
    System.out.flush();
    return c.exitCode();
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
