package netcalls.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void aPercentileIsThinWithFewerThanTenSamplesBeyondIt() {
    assertThat(Percentiles.thin(100, 90)).isFalse(); // 10 beyond
    assertThat(Percentiles.thin(100, 95)).isTrue();
    assertThat(Percentiles.thin(10_000, 99.9)).isFalse();
    assertThat(Percentiles.thin(9_999, 99.9)).isTrue();
  }

  @Test
  void theCurveRisesToTheTopPercentileAndMarksItsThinTail() {
    Histogram h = new Histogram(3);
    for (int v = 1; v <= 1000; v++) {
      h.recordValue(v * 1000L);
    }
    List<Percentiles.Point> curve = Percentiles.curve(h, 1000.0);
    assertThat(curve.get(curve.size() - 1).percentile()).isEqualTo(Percentiles.TOP);
    for (int i = 1; i < curve.size(); i++) {
      assertThat(curve.get(i).percentile()).isGreaterThan(curve.get(i - 1).percentile());
      assertThat(curve.get(i).value()).isGreaterThanOrEqualTo(curve.get(i - 1).value());
      assertThat(curve.get(i).thin()).isEqualTo(1000 * (100 - curve.get(i).percentile()) / 100 < 10);
    }
    Percentiles.Point median = curve.stream().filter(p -> p.percentile() >= 50).findFirst().orElseThrow();
    assertThat(median.value()).isBetween(499.0, 502.0); // µs, 3 significant digits
    assertThat(curve.stream().anyMatch(Percentiles.Point::thin)).isTrue();
    assertThat(Percentiles.curve(new Histogram(3), 1)).isEmpty();
  }

  @Test
  void weightedPercentileCountsEachValueAsOftenAsItWasSeen() {
    double[] values = {30, 10, 20};
    long[] counts = {1, 1, 8};
    assertThat(Percentiles.weighted(values, counts, 50)).isEqualTo(20);
    assertThat(Percentiles.weighted(values, counts, 10)).isEqualTo(10);
    assertThat(Percentiles.weighted(values, counts, 100)).isEqualTo(30);
    assertThat(Percentiles.weighted(values, new long[] {0, 0, 0}, 50)).isNaN();
  }
}
