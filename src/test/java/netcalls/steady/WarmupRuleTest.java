package netcalls.steady;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class WarmupRuleTest {
  private static final long S = 1_000_000_000L;
  private final WarmupRule rule = new WarmupRule(S / 4, 20, 4, 0.02, S, 10 * S);

  @Test
  void convergesOnceTheMedianStopsFalling() {
    List<Long> falling = List.of(4000L, 2000L, 900L, 500L, 300L, 200L);
    assertThat(rule.converged(falling, 2 * S)).isFalse();
    List<Long> settled = List.of(4000L, 2000L, 900L, 200L, 199L, 201L, 200L, 198L);
    assertThat(rule.converged(settled, 2 * S)).isTrue();
  }

  @Test
  void aNewLowBeyondTheToleranceKeepsItGoing() {
    assertThat(rule.converged(List.of(300L, 200L, 199L, 201L, 190L, 200L), 2 * S)).isFalse();
    assertThat(rule.converged(List.of(300L, 200L, 199L, 201L, 197L, 200L), 2 * S)).isTrue();
  }

  @Test
  void neverBeforeTheMinimumTimeNorWithTooFewWindows() {
    List<Long> flat = List.of(200L, 200L, 200L, 200L, 200L);
    assertThat(rule.converged(flat, S / 2)).isFalse();
    assertThat(rule.converged(List.of(200L, 200L, 200L, 200L), 2 * S)).isFalse();
    assertThat(rule.converged(flat, S)).isTrue();
  }

  @Test
  void windowsNeedTimeAndCalls() {
    assertThat(rule.windowFull(S / 4, 19)).isFalse();
    assertThat(rule.windowFull(S / 5, 100)).isFalse();
    assertThat(rule.windowFull(S / 4, 20)).isTrue();
  }

  @Test
  void theCapEndsItAndZeroMeansNone() {
    assertThat(rule.capped(10 * S)).isTrue();
    WarmupRule none = rule.withCap(0);
    assertThat(none.capNanos).isZero();
    assertThat(none.minNanos).isZero();
  }

  @Test
  void refusesNonsense() {
    assertThatThrownBy(() -> new WarmupRule(0, 1, 1, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WarmupRule(1, 1, 1, -0.1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
