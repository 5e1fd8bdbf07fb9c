package netcalls.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import netcalls.compare.Verdicts.Direction;
import org.junit.jupiter.api.Test;

/** Direction from the unit, the threshold and significance rules, the noisy rule, unit conversion. */
class VerdictsTest {
  private static final Options O = Options.defaults();

  @Test
  void directionComesFromTheUnit() {
    assertThat(Verdicts.direction("us/op")).isEqualTo(Direction.LOWER_IS_BETTER);
    assertThat(Verdicts.direction("ns/op")).isEqualTo(Direction.LOWER_IS_BETTER);
    assertThat(Verdicts.direction("ops/s")).isEqualTo(Direction.HIGHER_IS_BETTER);
    assertThat(Verdicts.direction("ops/ms")).isEqualTo(Direction.HIGHER_IS_BETTER);
    assertThatThrownBy(() -> Verdicts.direction("MB/sec")).hasMessageContaining("MB/sec");
  }

  @Test
  void slowerMeansWorseForTheUnit() {
    assertThat(Verdicts.decide(1.10, 0.01, 0.02, Direction.LOWER_IS_BETTER, O)).isEqualTo(Verdict.SLOWER);
    assertThat(Verdicts.decide(0.90, 0.01, 0.02, Direction.LOWER_IS_BETTER, O)).isEqualTo(Verdict.FASTER);
    // fewer operations per second is slower
    assertThat(Verdicts.decide(0.90, 0.01, 0.02, Direction.HIGHER_IS_BETTER, O)).isEqualTo(Verdict.SLOWER);
    assertThat(Verdicts.decide(1.10, 0.01, 0.02, Direction.HIGHER_IS_BETTER, O)).isEqualTo(Verdict.FASTER);
  }

  @Test
  void aVerdictNeedsSignificanceAndTheThreshold() {
    // significant but smaller than 5 %
    assertThat(Verdicts.decide(1.03, 0.001, 0.02, Direction.LOWER_IS_BETTER, O)).isEqualTo(Verdict.SAME);
    // large but not significant after adjustment
    assertThat(Verdicts.decide(1.30, 0.06, 0.02, Direction.LOWER_IS_BETTER, O)).isEqualTo(Verdict.SAME);
    // exactly at the threshold counts
    assertThat(Verdicts.decide(1.05, 0.01, 0.02, Direction.LOWER_IS_BETTER, O)).isEqualTo(Verdict.SLOWER);
    // a lower threshold turns the small change into a verdict
    Options low = new Options(0.05, 0.02, 0.10, false);
    assertThat(Verdicts.decide(1.03, 0.001, 0.02, Direction.LOWER_IS_BETTER, low)).isEqualTo(Verdict.SLOWER);
  }

  @Test
  void scatterBeyondTheLimitIsNoisyOnlyWithoutAVerdict() {
    assertThat(Verdicts.decide(1.02, 0.5, 0.15, Direction.LOWER_IS_BETTER, O)).isEqualTo(Verdict.NOISY);
    assertThat(Verdicts.decide(1.02, 0.5, 0.10, Direction.LOWER_IS_BETTER, O)).isEqualTo(Verdict.SAME);
    // a significant large change stays a verdict however the forks scatter
    assertThat(Verdicts.decide(1.50, 0.001, 0.15, Direction.LOWER_IS_BETTER, O)).isEqualTo(Verdict.SLOWER);
  }

  @Test
  void unitsOfTheSameKindConvert() {
    assertThat(Verdicts.unitFactor("ms/op", "us/op")).isEqualTo(1000);
    assertThat(Verdicts.unitFactor("ns/op", "us/op")).isEqualTo(0.001);
    assertThat(Verdicts.unitFactor("ops/ms", "ops/s")).isEqualTo(1000);
    assertThat(Verdicts.unitFactor("us/op", "us/op")).isEqualTo(1);
    assertThat(Verdicts.unitFactor("ops/s", "us/op")).isNaN();
    assertThat(Verdicts.unitFactor("B/op", "us/op")).isNaN();
  }

  @Test
  void optionsRefuseNonsense() {
    assertThatThrownBy(() -> new Options(0, 0.05, 0.1, false)).hasMessageContaining("alpha");
    assertThatThrownBy(() -> new Options(0.05, -0.01, 0.1, false)).hasMessageContaining("threshold");
    assertThatThrownBy(() -> new Options(0.05, 0.05, 0, false)).hasMessageContaining("noisy");
  }
}
