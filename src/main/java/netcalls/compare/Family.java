package netcalls.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The gated family: the rows that can fail the build ({@code --gate}, every row by default). Benjamini–Hochberg
 * corrects over that family only, so informational rows neither dilute nor hide a gated regression; the
 * informational rows get their verdicts from a family of their own and never fail the build.
 */
final class Family {
  private Family() {}

  /** The rows with their verdicts; a warning when one row alone in the gated family could never be flagged. */
  static List<Row> decide(List<Row> rows, Options o, List<String> warnings) {
    double[] gated = new double[rows.size()];
    double[] informational = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      boolean tested = r.hasTest();
      gated[i] = tested && r.gated() ? r.p() : Double.NaN;
      informational[i] = tested && !r.gated() ? r.p() : Double.NaN;
    }
    double[] adjGated = Stats.benjaminiHochberg(gated);
    double[] adjInfo = Stats.benjaminiHochberg(informational);
    List<Row> out = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      if (!r.hasTest()) {
        out.add(r);
        continue;
      }
      double adjusted = r.gated() ? adjGated[i] : adjInfo[i];
      double noise = Double.isNaN(r.noise()) ? Math.max(r.cvBaseline(), r.cvCandidate()) : r.noise();
      Verdict v = Verdicts.decide(r.ratio(), adjusted, noise,
          Verdicts.direction(r.unit()), o);
      out.add(r.decided(v, adjusted));
    }
    String floor = floorWarning(out, o);
    if (floor != null) {
      warnings.add(floor);
    }
    return out;
  }

  /** Rows that can fail the build and were tested. */
  static long size(List<Row> rows) {
    return rows.stream().filter(r -> r.gated() && r.hasTest()).count();
  }

  /** The p one row alone needs to pass Benjamini–Hochberg in a family of {@code size}: alpha / size. */
  static double alone(double alpha, long size) {
    return alpha / Math.max(1, size);
  }

  /** Null when every gated row's test can reach the p a lone change needs; else which cannot, and what to do. */
  static String floorWarning(List<Row> rows, Options o) {
    long size = size(rows);
    double alone = alone(o.alpha(), size);
    List<Row> short_ = rows.stream().filter(r -> r.gated() && r.hasTest() && !r.tooFew() && r.pFloor() > alone)
        .toList(); // rows too few for any verdict have their own warning
    if (short_.isEmpty()) {
      return null;
    }
    Row e = short_.get(0);
    return String.format(Locale.ROOT, "%d of the %d gated rows cannot be flagged alone: one slower row among %d"
        + " needs p <= %s / %d = %.2g, and %d %ss give at best p = %.2g (%s test), e.g. %s; run more %ss or"
        + " gate fewer rows (--gate)", short_.size(), size, size, o.alpha(), size, alone, e.nBaseline(),
        e.replicate(), e.pFloor(), e.test(), e.label(), e.replicate());
  }
}
