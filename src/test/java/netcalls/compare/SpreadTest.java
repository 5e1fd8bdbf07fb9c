package netcalls.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpreadTest {
  @TempDir
  Path tmp;

  @Test
  void theCvBoundUsesTheChiSquaredQuantile() {
    // chi-squared with 9 degrees of freedom, lower 5 % point: 3.325 (NIST/SEMATECH e-Handbook, table 1.3.6.7.4)
    assertThat(Spread.cvUpper(0.03, 10, 0.95)).isCloseTo(0.03 * Math.sqrt(9 / 3.325), within(2e-5));
    // 4 degrees of freedom: 0.711
    assertThat(Spread.cvUpper(0.10, 5, 0.95)).isCloseTo(0.10 * Math.sqrt(4 / 0.711), within(2e-4));
    assertThat(Spread.cvUpper(0.1, 1, 0.95)).isNaN();
  }

  @Test
  void rowsPoolForksOfSeveralRunsAndCountTheUnsteady() throws Exception {
    Path a = new RunBuilder(tmp.resolve("a")).sample(RunBuilder.REQUEST, RunBuilder.OKHTTP, "us/op", 100, 102).write();
    double[] unsettled = new double[32];
    for (int i = 0; i < unsettled.length; i++) {
      unsettled[i] = i < 26 ? 100 : 160;
    }
    Path b = new RunBuilder(tmp.resolve("b")).sampleSeries(RunBuilder.REQUEST, RunBuilder.OKHTTP, "us/op",
        new double[][] {repeat(98, 30), unsettled}).write();
    List<Spread.Row> rows = Spread.of(List.of(a, b));
    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(r.forks()).isEqualTo(3);
      assertThat(r.left()).isEqualTo(1);
      assertThat(r.median()).isEqualTo(100);
      assertThat(r.minMaxShare()).isCloseTo(0.04, within(1e-9));
      assertThat(r.cv()).isCloseTo(Stats.cv(new double[] {100, 102, 98}), within(1e-12));
    });
    assertThat(Spread.render(rows)).contains("RequestLatency").contains("CV 95% up");
  }

  @Test
  void withinForkNoiseSaysHowMuchOfTheSpreadIsBetweenForks() {
    // two forks at 100 and 110, iterations 100±1 and 110±1 (4 each): sd of each fork's iterations is
    // sqrt(4/3) = 1.1547, its standard error over 4 iterations 0.5774, so withinCv = 0.5774 / 105
    Series.Fork a = new Series.Fork(100, Double.NaN, new double[] {99, 101, 99, 101}, new double[4]);
    Series.Fork b = new Series.Fork(110, Double.NaN, new double[] {109, 111, 109, 111}, new double[4]);
    Spread.Row r = Spread.row("x", "us/op", List.of(a, b), 0);
    assertThat(r.withinCv()).isCloseTo(Math.sqrt(4.0 / 3) / 2 / 105, within(1e-12));
    assertThat(r.cv()).isCloseTo(Stats.cv(new double[] {100, 110}), within(1e-12));
    // the forks differ by far more than their iterations do: nearly all of the variance is between forks
    assertThat(r.betweenShare()).isGreaterThan(0.99).isLessThanOrEqualTo(1);
    // forks that agree up to their own noise: nothing is left between them
    Series.Fork c = new Series.Fork(100, Double.NaN, new double[] {90, 110, 90, 110}, new double[4]);
    Series.Fork d = new Series.Fork(101, Double.NaN, new double[] {91, 111, 91, 111}, new double[4]);
    assertThat(Spread.row("y", "us/op", List.of(c, d), 0).betweenShare()).isZero();
    assertThat(Spread.withinCv(List.of(new Series.Fork(1, 1, new double[] {1}, new double[] {1})), 1)).isNaN();
  }

  private static double[] repeat(double v, int n) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, v);
    return out;
  }
}
