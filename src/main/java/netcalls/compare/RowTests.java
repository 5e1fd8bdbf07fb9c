package netcalls.compare;

import java.util.Arrays;

/** A compared row's statistics, paired (rounds) or unpaired (pooled replicates); pure functions of the values. */
final class RowTests {
  private RowTests() {}

  /**
   * Unpaired: the sides' forks pooled, a two-sided rank-sum test (exact with ties, {@link Stats#mannWhitney}) and
   * the Hodges–Lehmann ratio. A side with a single fork gets no verdict: its iterations stand in only to show the
   * ratio.
   */
  static Row unpaired(Key k, Series sb, Series sc, Options o, Row.PhaseShift moved) {
    boolean iterations = sb.forks().size() < 2 || sc.forks().size() < 2;
    double[] x = sb.centers(iterations);
    double[] y = sc.centers(iterations);
    Stats.MannWhitney mw = Stats.mannWhitney(x, y);
    Stats.Ratio ratio = Stats.hodgesLehmann(x, y, o.ciLevel());
    double cvb = Stats.cv(x);
    double cvc = Stats.cv(y);
    int need = Stats.replicatesNeeded(Math.sqrt((cvb * cvb + cvc * cvc) / 2), o.threshold(), o.alpha());
    double floor = Stats.minimumP(x.length, y.length);
    Row r = new Row(k.benchmark(), k.shortName(), k.mode(), k.params(), sb.unit(), Verdict.SAME,
        iterations ? "iteration" : "fork", x.length, y.length, Stats.median(x), Stats.median(y),
        medianOrNaN(sb.tails(iterations)), medianOrNaN(sc.tails(iterations)), ratio.estimate(), ratio.lower(),
        ratio.upper(), mw.u(), mw.p(), Double.NaN, cvb, cvc, need, floor >= o.alpha(), moved, null, Row.UNPAIRED,
        mw.tiedValues(), floor, true).asStat(null, Math.max(cvb, cvc));
    if (iterations) {
      String side = sb.forks().size() < 2 ? "baseline" : "candidate";
      return r.withoutVerdict(Verdict.NO_VERDICT, "a single fork on the " + side + " side: its iterations are no"
          + " replicates; run -f " + Math.max(5, Stats.minimumReplicates(o.alpha())) + " or interleave runs");
    }
    return r;
  }

  /**
   * Paired: per round the log ratio candidate/baseline, the one-sided sign-flip test in the direction of the
   * Hodges–Lehmann ratio (slower or faster), and that ratio with its interval from the Walsh averages. Fewer than
   * two rounds give no verdict.
   */
  static Row paired(Key k, String unit, double[][] rounds, Options o, Row.PhaseShift moved) {
    double[] x = rounds[0];
    double[] y = rounds[1];
    int n = x.length;
    double[] d = new double[n];
    double[] ratios = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = Math.log(y[i]) - Math.log(x[i]);
      ratios[i] = y[i] / x[i];
    }
    double floor = Exact.pairedFloor(n);
    if (n < 2) {
      double ratio = n == 1 ? ratios[0] : Double.NaN;
      Row r = new Row(k.benchmark(), k.shortName(), k.mode(), k.params(), unit, Verdict.SAME, "round", n, n,
          n == 1 ? x[0] : Double.NaN, n == 1 ? y[0] : Double.NaN, medianOrNaN(rounds[2]), medianOrNaN(rounds[3]), ratio, 0,
          Double.POSITIVE_INFINITY, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, true, moved, null, Row.PAIRED, 0,
          floor, true);
      return r.withoutVerdict(Verdict.NO_VERDICT, n + " round(s) with this row on both sides: no test; run more"
          + " rounds (7 or more)");
    }
    Exact.Result t = Exact.signFlip(d);
    Stats.Ratio ratio = Exact.walsh(d, o.ciLevel());
    double p = ratio.estimate() >= 1 ? t.pGreater() : t.pLess();
    // the pairs' scatter is what the test sees, and what makes a row noisy: the ratios' cv, per side as sqrt(2) of
    // the difference's; the sides' own scatter holds the machine's drift between rounds, which cancels in the ratios
    double noise = Stats.cv(ratios) / Math.sqrt(2);
    int need = Stats.replicatesNeeded(noise, o.threshold(), o.alpha());
    return new Row(k.benchmark(), k.shortName(), k.mode(), k.params(), unit, Verdict.SAME, "round", n, n,
        Stats.median(x), Stats.median(y), medianOrNaN(rounds[2]), medianOrNaN(rounds[3]), ratio.estimate(), ratio.lower(), ratio.upper(),
        Double.NaN, p, Double.NaN, Stats.cv(x), Stats.cv(y), need, floor >= o.alpha(), moved, null, Row.PAIRED,
        t.ties(), floor, true).asStat(null, noise);
  }

  /**
   * The row of the p99s beside a sample-mode row: the same test on the forks' (paired: the rounds') p99s, or no
   * verdict when a fork's p99 is thin (netcalls.run.ThinPercentile), which is then never gated.
   */
  static Row p99(Key k, Series sb, Series sc, double[][] rounds, Options o) {
    Row r = rounds != null
        ? paired(k, sb.unit(), new double[][] {rounds[2], rounds[3], {}, {}}, o, null)
        : unpaired(k, sb.p99s(), sc.p99s(), o, null);
    r = r.asStat(Row.P99, r.noise());
    if (sb.thinP99() || sc.thinP99()) {
      double fewest = Math.min(sb.fewestBeyondP99(), sc.fewestBeyondP99());
      return r.withoutVerdict(Verdict.NO_VERDICT, String.format(java.util.Locale.ROOT, Row.THIN_P99 + "%s samples beyond"
          + " in a fork (%d needed, netcalls.run.ThinPercentile): run longer iterations",
          fewest < 10 ? String.format(java.util.Locale.ROOT, "%.1f", fewest) : String.valueOf((long) fewest),
          netcalls.run.ThinPercentile.MIN_BEYOND));
    }
    return r;
  }

  static double medianOrNaN(double[] v) {
    return v.length == 0 || Arrays.stream(v).anyMatch(Double::isNaN) ? Double.NaN : Stats.median(v);
  }
}
