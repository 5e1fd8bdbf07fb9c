package netcalls.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScheduleTest {

  @Test
  void rateTimesDurationRequestsEvenlySpacedFromTheOrigin() {
    Schedule s = Schedule.constantRate(200, Duration.ofSeconds(3));
    assertThat(s.count()).isEqualTo(600);
    assertThat(s.offsetNanos(0)).isZero();
    assertThat(s.offsetNanos(1)).isEqualTo(5_000_000);
    assertThat(s.offsetNanos(599)).isEqualTo(599 * 5_000_000L);
  }

  @Test
  void aPeriodThatIsNoWholeNanosecondDoesNotDrift() {
    Schedule s = Schedule.constantRate(3, Duration.ofSeconds(1000)); // 333,333,333.3 ns apart
    assertThat(s.count()).isEqualTo(3000);
    // request 2999 starts 999.666... s after the origin, to the nanosecond, not 2999 rounding errors later
    assertThat(s.offsetNanos(2999)).isEqualTo(999_666_666_667L);
  }

  @Test
  void fractionalRatesRound() {
    assertThat(Schedule.constantRate(2.5, Duration.ofSeconds(3)).count()).isEqualTo(8); // 7.5 rounds up
    assertThat(Schedule.constantRate(0.5, Duration.ofSeconds(2)).count()).isEqualTo(1);
  }

  @Test
  void badInputSaysWhatToDo() {
    assertThatThrownBy(() -> Schedule.constantRate(0, Duration.ofSeconds(1)))
        .hasMessageContaining("rate=0.0").hasMessageContaining("above 0");
    assertThatThrownBy(() -> Schedule.constantRate(Double.NaN, Duration.ofSeconds(1))).hasMessageContaining("rate=NaN");
    assertThatThrownBy(() -> Schedule.constantRate(10, Duration.ZERO)).hasMessageContaining("duration");
    assertThatThrownBy(() -> Schedule.constantRate(0.1, Duration.ofSeconds(1)))
        .hasMessageContaining("makes no request");
    assertThatThrownBy(() -> Schedule.constantRate(1e9, Duration.ofSeconds(100)))
        .hasMessageContaining("shorten the duration");
  }
}
