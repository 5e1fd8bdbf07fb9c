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
 */
public final class Spread {
  private Spread() {}

  /** One row: {@code forks} used, {@code left} forks left out as unsteady, values in the row's unit. */
  public record Row(String label, String unit, int forks, int left, double median, double cv, double cvUpper95,
      double minMaxShare) {}

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
      double[] c = s.centers(false);
      if (allForks) {
        double[] u = s.unsteady().stream().mapToDouble(Series.Fork::center).toArray();
        double[] both = Arrays.copyOf(c, c.length + u.length);
        System.arraycopy(u, 0, both, c.length, u.length);
        c = both;
      }
      rows.add(row(k.label(), s.unit(), c, allForks ? 0 : s.unsteady().size()));
    });
    return rows;
  }

  static Row row(String label, String unit, double[] centers, int left) {
    int n = centers.length;
    if (n == 0) {
      return new Row(label, unit, 0, left, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double median = Stats.median(centers);
    double cv = n < 2 ? Double.NaN : Stats.cv(centers);
    double min = Arrays.stream(centers).min().orElse(Double.NaN);
    double max = Arrays.stream(centers).max().orElse(Double.NaN);
    return new Row(label, unit, n, left, median, cv, cvUpper(cv, n, 0.95), (max - min) / median);
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
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-90s %6s %5s %12s %8s %12s %9s%n", "row",
        "forks", "left", "median", "CV %", "CV 95% up", "min-max %"));
    for (Row r : rows) {
      s.append(String.format(Locale.ROOT, "%-90s %6d %5d %12.2f %8.2f %12.2f %9.2f%n", r.label(), r.forks(), r.left(),
          r.median(), 100 * r.cv(), 100 * r.cvUpper95(), 100 * r.minMaxShare()));
    }
    return s.toString();
  }
}
