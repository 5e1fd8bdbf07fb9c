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

  private static double[] repeat(double v, int n) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, v);
    return out;
  }
}
