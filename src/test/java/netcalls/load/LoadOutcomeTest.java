package netcalls.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LoadOutcomeTest {

  private static Histogram of(long... nanos) {
    Histogram h = new Histogram(3);
    for (long v : nanos) {
      h.recordValue(v);
    }
    return h;
  }

  /** 100 requests/s asked; {@code ok} completed over {@code seconds}. */
  private static LoadOutcome outcome(long scheduled, long ok, Map<String, Long> failures, long unfinished,
      double seconds) {
    return new LoadOutcome(100, scheduled, ok, failures, 0, unfinished, Math.round(seconds * 1e9), 0,
        of(1_000_000), of(500_000), of(10_000));
  }

  @Test
  void theRateIsReachedFrom95PercentOfTheIntended() {
    assertThat(outcome(100, 100, Map.of(), 0, 1.0).rateReached()).isTrue();
    assertThat(outcome(100, 95, Map.of(), 0, 1.0).rateReached()).isTrue();
    assertThat(outcome(100, 94, Map.of(), 0, 1.0).rateReached()).isFalse();
    assertThat(outcome(100, 100, Map.of(), 0, 2.0).problems(0.01))
        .containsExactly("rate not reached: 50.0 of 100.0 requests/s completed (tolerance 5 %)");
  }

  @Test
  void failedAndUnfinishedRequestsCountAgainstTheBudget() {
    LoadOutcome o = outcome(100, 97, Map.of("java.net.SocketTimeoutException", 2L), 1, 1.0);
    assertThat(o.failed()).isEqualTo(3);
    assertThat(o.errorFraction()).isEqualTo(0.03);
    assertThat(o.problems(0.05)).isEmpty();
    assertThat(o.problems(0.01))
        .containsExactly("error budget exceeded: 3 of 100 requests failed or unfinished (3.00 % > 1.00 %)");
  }

  @Test
  void runsMergeCountsFailuresAndHistograms() {
    LoadOutcome a = outcome(100, 99, Map.of("x.A", 1L), 0, 1.0);
    LoadOutcome b = outcome(100, 98, Map.of("x.A", 1L, "x.B", 1L), 0, 1.0);
    LoadOutcome m = a.plus(b);
    assertThat(m.scheduled()).isEqualTo(200);
    assertThat(m.ok()).isEqualTo(197);
    assertThat(m.failures()).containsExactly(Map.entry("x.A", 2L), Map.entry("x.B", 1L));
    assertThat(m.elapsedNanos()).isEqualTo(2_000_000_000L);
    assertThat(m.corrected().getTotalCount()).isEqualTo(2);
    assertThat(a.corrected().getTotalCount()).as("inputs untouched").isEqualTo(1);
    LoadOutcome other = new LoadOutcome(50, 1, 1, Map.of(), 0, 0, 1, 0, of(1), of(1), of(1));
    assertThatThrownBy(() -> a.plus(other)).hasMessageContaining("cannot merge runs at 100.0 and 50.0");
  }

  @Test
  void percentilesAreInMicrosecondsUnderStableNames() {
    Map<String, Double> p = LoadOutcome.percentilesMicros(of(2_000_000));
    assertThat(p.keySet()).containsExactly("p50", "p90", "p99", "p99.9", "p99.99", "max");
    assertThat(p.get("max")).isBetween(2000.0, 2002.0);
  }
}
