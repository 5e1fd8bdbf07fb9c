package netcalls.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import netcalls.steady.WarmupRule;
import org.junit.jupiter.api.Test;

/** The warm-up driver on a fake clock: each call advances it by that call's duration. */
class SteadyWarmupTest {
  private long now;
  private long calls;

  @Test
  void stopsOnceCallsStopGettingFaster() throws IOException {
    // 400 µs falling to 100 µs over the first 20,000 calls, then flat: like a JIT warming a client up
    SteadyWarmup.Call call = () -> now += Math.max(100_000, 400_000 - 15 * calls++);
    WarmupRule.Outcome o = SteadyWarmup.run(call, WarmupRule.DEFAULT, () -> now);
    assertThat(o.converged()).isTrue();
    assertThat(o.calls()).isGreaterThan(20_000);
    assertThat(o.elapsedNanos()).isLessThan(WarmupRule.DEFAULT.capNanos);
    assertThat(o.medians().get(o.medians().size() - 1)).isEqualTo(100_000);
  }

  @Test
  void aSeriesThatKeepsFallingEndsAtTheCapNotSteady() throws IOException {
    // from 2 ms down by a quarter every second: each 250 ms window's median is 3-10 % below the last
    SteadyWarmup.Call call = () -> now += (long) (2_000_000 * (1 - now / 4e9));
    WarmupRule rule = WarmupRule.DEFAULT.withCap(3_000_000_000L);
    WarmupRule.Outcome o = SteadyWarmup.run(call, rule, () -> now);
    assertThat(o.converged()).isFalse();
    assertThat(o.elapsedNanos()).isBetween(3_000_000_000L, 3_100_000_000L);
  }

  @Test
  void capZeroMakesNoCall() throws IOException {
    WarmupRule.Outcome o = SteadyWarmup.run(() -> calls++, WarmupRule.DEFAULT.withCap(0), () -> now);
    assertThat(calls).isZero();
    assertThat(o.converged()).isFalse();
  }

  @Test
  void aFailedCallEndsTheTrial() {
    SteadyWarmup.Call call = () -> {
      throw new IOException("connection refused");
    };
    assertThatThrownBy(() -> SteadyWarmup.run(call, WarmupRule.DEFAULT, () -> now)).hasMessage("connection refused");
  }
}
