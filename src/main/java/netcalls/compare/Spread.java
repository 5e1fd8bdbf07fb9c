package netcalls.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * How far forks of one setup scatter: for each benchmark × parameter set of one or more runs, its forks pooled
 * (only forks with a steady segment; the others counted), the median of the forks' p50s (scores outside sample
 * mode), their coefficient of variation with its one-sided 95 % upper bound (normal theory: s²(n-1)/σ² is χ² with
 * n-1 degrees of freedom), and min–max as a share of the median. What {@code compare} would call noise.
 *
 * <p>Where the spread comes from: {@code withinCv} is the CV the forks' centers would have if each fork differed
 * from the others only by its own iteration-to-iteration noise (each fork's standard error, the standard deviation
 * of its iteration p50s over the square root of their count, pooled over forks, over the median). A fork CV far
 * above it says the forks settle at levels of their own: each JVM's state (what it compiled, how, where it placed
 * things) or the machine between forks, which no longer warm-up removes, only more forks average out.
 */
public final class Spread {
  private Spread() {}

  /** One row: {@code forks} used, {@code left} forks left out as unsteady, values in the row's unit. */
  public record Row(String label, String unit, int forks, int left, double median, double cv, double cvUpper95,
      double minMaxShare, double withinCv) {

    /** The share of the forks' variance that their own iteration noise does not explain (0 to 1). */
    public double betweenShare() {
      return cv > 0 && !Double.isNaN(withinCv) ? Math.max(0, 1 - (withinCv * withinCv) / (cv * cv)) : Double.NaN;
    }
  }

  public static List<Row> of(List<Path> runs) throws CompareException {
    return of(runs, false);
  }

  /** @param allForks true to use every fork, steady or not (to measure a setup without steady-state detection) */
  public static List<Row> of(List<Path> runs, boolean allForks) throws CompareException {
    List<String> errors = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    Map<Key, Series> pooled = new LinkedHashMap<>();
    for (Path dir : runs) {
      ComparedRun run = ComparedRun.read(dir, errors, warnings);
      run.series().forEach((k, s) -> pooled.merge(k, s, Series::pool));
    }
    if (!errors.isEmpty()) {
      throw new CompareException(errors.get(0));
    }
    List<Row> rows = new ArrayList<>();
    pooled.forEach((k, s) -> {
      List<Series.Fork> used = new ArrayList<>(s.forks());
      if (allForks) {
        used.addAll(s.unsteady());
      }
      rows.add(row(k.label(), s.unit(), used, allForks ? 0 : s.unsteady().size()));
    });
    return rows;
  }

  static Row row(String label, String unit, List<Series.Fork> forks, int left) {
    double[] centers = forks.stream().mapToDouble(Series.Fork::center).toArray();
    int n = centers.length;
    if (n == 0) {
      return new Row(label, unit, 0, left, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double median = Stats.median(centers);
    double cv = n < 2 ? Double.NaN : Stats.cv(centers);
    double min = Arrays.stream(centers).min().orElse(Double.NaN);
    double max = Arrays.stream(centers).max().orElse(Double.NaN);
    return new Row(label, unit, n, left, median, cv, cvUpper(cv, n, 0.95), (max - min) / median,
        withinCv(forks, median));
  }

  /** sqrt(mean over forks of var(iteration centers) / count) / median; NaN when a fork has fewer than 2 iterations. */
  static double withinCv(List<Series.Fork> forks, double median) {
    double sum = 0;
    for (Series.Fork f : forks) {
      double[] its = f.iterationCenters();
      if (its.length < 2) {
        return Double.NaN;
      }
      double sd = Stats.cv(its) * Math.abs(Arrays.stream(its).average().orElse(0));
      sum += sd * sd / its.length;
    }
    return forks.isEmpty() ? Double.NaN : Math.sqrt(sum / forks.size()) / median;
  }

  /** The one-sided upper confidence bound of a CV from n replicates: cv·sqrt((n-1) / χ²_{1-level}(n-1)). */
  static double cvUpper(double cv, int n, double level) {
    if (n < 2 || Double.isNaN(cv)) {
      return Double.NaN;
    }
    double q = ChiSquaredDistribution.of(n - 1).inverseCumulativeProbability(1 - level);
    return cv * Math.sqrt((n - 1) / q);
  }

  /** The table as text: one line per row. */
  public static String render(List<Row> rows) {
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-90s %6s %5s %12s %8s %12s %9s %10s %9s%n",
        "row", "forks", "left", "median", "CV %", "CV 95% up", "min-max %", "within %", "between"));
    for (Row r : rows) {
      s.append(String.format(Locale.ROOT, "%-90s %6d %5d %12.2f %8.2f %12.2f %9.2f %10.2f %9.2f%n", r.label(),
          r.forks(), r.left(), r.median(), 100 * r.cv(), 100 * r.cvUpper95(), 100 * r.minMaxShare(),
          100 * r.withinCv(), r.betweenShare()));
    }
    return s.toString();
  }
}
