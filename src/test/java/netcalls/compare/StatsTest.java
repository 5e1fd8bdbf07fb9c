package netcalls.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The statistics against reference values (R's wilcox.test / scipy.stats.mannwhitneyu, worked by hand). */
class StatsTest {
  @Test
  void mannWhitneyExactMatchesReferenceValues() {
    // R: wilcox.test(1:5, 6:10) -> W = 0, p-value = 0.007937
    Stats.MannWhitney r = Stats.mannWhitney(new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10});
    assertThat(r.u()).isEqualTo(0);
    assertThat(r.p()).isCloseTo(0.007937, within(1e-6));
    assertThat(r.ties()).isFalse();
    // one pair out of order: U = 1, exact two-sided p = 2 * 2/70
    r = Stats.mannWhitney(new double[] {1.1, 2.2, 3.3, 4.4}, new double[] {3.9, 5.0, 6.1, 7.2});
    assertThat(r.u()).isEqualTo(1);
    assertThat(r.p()).isCloseTo(4.0 / 70, within(1e-12));
    // 3 against 3, completely separated, is still p = 0.1
    assertThat(Stats.mannWhitney(new double[] {1, 2, 3}, new double[] {4, 5, 6}).p()).isCloseTo(0.1, within(1e-12));
  }

  @Test
  void mannWhitneyWithTiesIsExactOnMidRanks() {
    // issue 22: the normal approximation (scipy mannwhitneyu asymptotic: p = 0.052555) missed 0.05; the exact
    // permutation p on mid-ranks is 0.047619 (scipy permutation_test, exact-reference.json)
    Stats.MannWhitney r = Stats.mannWhitney(new double[] {1, 2, 2, 3, 4, 5}, new double[] {2, 4, 6, 7, 8, 9});
    assertThat(r.ties()).isTrue();
    assertThat(r.tiedValues()).isEqualTo(5);
    assertThat(r.u()).isEqualTo(5.5);
    assertThat(r.p()).isCloseTo(0.047619, within(1e-6));
    // beyond the exact limit, Commons' corrected normal approximation
    double[] x = new double[31];
    double[] y = new double[31];
    for (int i = 0; i < 31; i++) {
      x[i] = i / 2;
      y[i] = i / 2 + 1;
    }
    assertThat(Stats.mannWhitney(x, y).p()).isCloseTo(
        org.apache.commons.statistics.inference.MannWhitneyUTest.withDefaults().test(x, y).getPValue(), within(1e-15));
  }

  @Test
  void identicalSamplesGiveNoEvidence() {
    Stats.MannWhitney r = Stats.mannWhitney(new double[] {5, 5, 5, 5}, new double[] {5, 5, 5, 5});
    assertThat(r.p()).isEqualTo(1);
    Stats.Ratio ratio = Stats.hodgesLehmann(new double[] {5, 5, 5, 5, 5}, new double[] {5, 5, 5, 5, 5}, 0.95);
    assertThat(ratio.estimate()).isEqualTo(1);
    assertThat(ratio.lower()).isEqualTo(1);
    assertThat(ratio.upper()).isEqualTo(1);
  }

  @Test
  void nullDistributionOfUIsExact() {
    // m = n = 3: C(6,3) = 20 arrangements, U = 0..9 counted 1,1,2,3,3,3,3,2,1,1
    double[] cdf = Stats.uCdf(3, 3);
    double[] counts = {1, 1, 2, 3, 3, 3, 3, 2, 1, 1};
    double acc = 0;
    for (int u = 0; u < counts.length; u++) {
      acc += counts[u];
      assertThat(cdf[u]).isCloseTo(acc / 20, within(1e-12));
    }
    assertThat(Stats.uCdf(4, 4)).startsWith(1 / 70.0, 2 / 70.0, 4 / 70.0);
  }

  @Test
  void criticalCountsMatchTheTables() {
    // R: qwilcox(0.025, 5, 5) = 3; the two-sided 5 % table value for 10 and 10 is U <= 23, so k = 24
    assertThat(Stats.criticalCount(5, 5, 0.025)).isEqualTo(3);
    assertThat(Stats.criticalCount(10, 10, 0.025)).isEqualTo(24);
    // too few for any 95 % interval: P(U = 0) = 1/20 > 0.025
    assertThat(Stats.criticalCount(3, 3, 0.025)).isZero();
    // beyond the exact limit the normal approximation lands within one of the exact count
    int exact = 0;
    double[] cdf = Stats.uCdf(31, 31);
    while (cdf[exact] <= 0.025) {
      exact++;
    }
    assertThat(Stats.criticalCount(31, 31, 0.025)).isCloseTo(exact, within(1));
  }

  @Test
  void hodgesLehmannRatioAndIntervalOnKnownData() {
    // y = 2x: the 25 ratios y_j / x_i sorted; the median (13th) is 2, the 3rd 2/3, the 23rd 6 (k = 3 for 5 vs 5)
    Stats.Ratio r = Stats.hodgesLehmann(new double[] {1, 2, 3, 4, 5}, new double[] {2, 4, 6, 8, 10}, 0.95);
    assertThat(r.estimate()).isCloseTo(2.0, within(1e-12));
    assertThat(r.lower()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(r.upper()).isCloseTo(6.0, within(1e-12));
    assertThat(r.bounded()).isTrue();
    // a constant 10 % shift is found exactly, with a tight interval around it
    r = Stats.hodgesLehmann(new double[] {100, 101, 99, 100.5, 99.5}, new double[] {110, 111.1, 108.9, 110.55, 109.45},
        0.95);
    assertThat(r.estimate()).isCloseTo(1.10, within(1e-9));
    assertThat(r.lower()).isGreaterThan(1.08).isLessThan(1.10);
    assertThat(r.upper()).isGreaterThan(1.10).isLessThan(1.12);
  }

  @Test
  void threeAgainstThreeCannotBoundTheRatio() {
    Stats.Ratio r = Stats.hodgesLehmann(new double[] {1, 2, 3}, new double[] {4, 5, 6}, 0.95);
    assertThat(r.bounded()).isFalse();
    assertThat(r.upper()).isInfinite();
  }

  @Test
  void smallestPossiblePAndMinimumReplicates() {
    assertThat(Stats.minimumP(3, 3)).isCloseTo(0.1, within(1e-12));
    assertThat(Stats.minimumP(5, 5)).isCloseTo(2 / 252.0, within(1e-12));
    assertThat(Stats.minimumP(1, 1)).isEqualTo(1);
    assertThat(Stats.minimumReplicates(0.05)).isEqualTo(4);
    assertThat(Stats.minimumReplicates(0.01)).isEqualTo(5);
  }

  @Test
  void benjaminiHochbergOnAKnownVector() {
    double[] adj = Stats.benjaminiHochberg(new double[] {0.01, 0.04, 0.03, 0.005});
    assertThat(adj).containsExactly(new double[] {0.02, 0.04, 0.04, 0.02}, within(1e-12));
    // rows without a p-value are left out of the count and stay without one
    adj = Stats.benjaminiHochberg(new double[] {0.01, Double.NaN, 0.04});
    assertThat(adj[0]).isCloseTo(0.02, within(1e-12));
    assertThat(adj[1]).isNaN();
    assertThat(adj[2]).isCloseTo(0.04, within(1e-12));
    // never above 1
    assertThat(Stats.benjaminiHochberg(new double[] {0.9, 0.95})).containsExactly(0.95, 0.95);
  }

  @Test
  void replicatesNeededFollowsTheDocumentedFormula() {
    // 2 (1.95996 + 0.84162)^2 0.1^2 / ln(1.05)^2 / (3/pi) = 69.06
    assertThat(Stats.replicatesNeeded(0.10, 0.05, 0.05)).isEqualTo(70);
    // four times the effect needs a sixteenth of the replicates, but never fewer than a verdict needs
    assertThat(Stats.replicatesNeeded(0.10, 0.20, 0.05)).isEqualTo(5);
    assertThat(Stats.replicatesNeeded(0, 0.05, 0.05)).isEqualTo(4);
    assertThat(Stats.replicatesNeeded(0.1, 0, 0.05)).isEqualTo(-1);
  }

  @Test
  void nearestRankQuantileAndCoefficientOfVariation() {
    double[] values = {1, 2, 3};
    long[] counts = {1, 1, 2};
    assertThat(Stats.quantile(values, counts, 0.5)).isEqualTo(2);
    assertThat(Stats.quantile(values, counts, 0.99)).isEqualTo(3);
    assertThat(Stats.quantile(values, counts, 0.25)).isEqualTo(1);
    assertThat(Stats.cv(new double[] {90, 100, 110})).isCloseTo(0.1, within(1e-12));
    assertThat(Stats.cv(new double[] {5})).isZero();
    assertThat(Stats.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }
}
