package netcalls.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Plain replicate lists in, compare's ratio and interval out, and the verdict against a limit. */
class ReplicateRatioTest {
  static final double[] BARE = {60, 61, 59, 62, 58, 60.5, 59.5, 61.5};

  @Test
  void aHarnessThatAddsNothingPasses() {
    double[] same = {60.2, 60.8, 59.1, 61.7, 58.4, 60.1, 59.9, 61.2};
    ReplicateRatio.Result r = ReplicateRatio.of(BARE, same, 0.95);
    assertThat(r.ratio()).isCloseTo(1.0, within(0.02));
    assertThat(r.upper()).isLessThan(1.10);
    assertThat(r.against(1.10)).isEqualTo(ReplicateRatio.Verdict.PASS);
    assertThat(ReplicateRatio.line("okhttp", r, 1.10)).startsWith("okhttp: 1.0").endsWith("limit 1.10: PASS");
  }

  @Test
  void aHarnessThatAddsAFifthFails() {
    double[] slow = java.util.Arrays.stream(BARE).map(v -> v * 1.2).toArray();
    ReplicateRatio.Result r = ReplicateRatio.of(BARE, slow, 0.95);
    assertThat(r.ratio()).isCloseTo(1.2, within(1e-9));
    assertThat(r.lower()).isGreaterThan(1.10);
    assertThat(r.against(1.10)).isEqualTo(ReplicateRatio.Verdict.FAIL);
  }

  @Test
  void tooFewRoundsAreUndecidedNotPassed() {
    ReplicateRatio.Result r = ReplicateRatio.of(new double[] {60}, new double[] {61}, 0.95);
    assertThat(r.upper()).isInfinite();
    assertThat(r.against(1.10)).isEqualTo(ReplicateRatio.Verdict.UNDECIDED);
    assertThat(ReplicateRatio.line("jdk", r, 1.10)).contains("[0, inf]").endsWith("UNDECIDED");
    assertThat(ReplicateRatio.run(new String[] {"jdk", "60", "61", "1.10"})).isEqualTo(1);
  }

  @Test
  void badInputIsRefusedNamingTheSide() {
    assertThatThrownBy(() -> ReplicateRatio.of(new double[] {60, -1}, BARE, 0.95))
        .hasMessageContaining("baseline").hasMessageContaining("-1.0");
    assertThatThrownBy(() -> ReplicateRatio.parse("candidate", "1,x"))
        .hasMessageContaining("candidate").hasMessageContaining("1,x");
    assertThat(ReplicateRatio.run(new String[] {"okhttp", "60,61", "", "1.1"})).isEqualTo(2);
    assertThat(ReplicateRatio.run(new String[] {"okhttp", "60,61", "60,61", "x"})).isEqualTo(2);
    assertThat(ReplicateRatio.run(new String[] {"okhttp"})).isEqualTo(2);
  }
}
