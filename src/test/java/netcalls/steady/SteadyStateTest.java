package netcalls.steady;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The classification on series of the four kinds Barrett et al. (OOPSLA 2017) name, built with a known shape and
 * noise, and on the shape this machine showed (okhttp's first measured iterations 1.2-1.7x the later ones).
 */
class SteadyStateTest {
  private static final Random RND = new Random(2017);

  /** {@code n} iteration medians around {@code level} µs with 1 % multiplicative noise. */
  private static double[] noisy(int n, double level) {
    double[] x = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = level * (1 + 0.01 * RND.nextGaussian());
    }
    return x;
  }

  private static double[] concat(double[]... parts) {
    int n = 0;
    for (double[] p : parts) {
      n += p.length;
    }
    double[] out = new double[n];
    int i = 0;
    for (double[] p : parts) {
      System.arraycopy(p, 0, out, i, p.length);
      i += p.length;
    }
    return out;
  }

  @Test
  void aFlatSeriesIsFlatAndKeptWhole() {
    SteadyState.Result r = SteadyState.classify(noisy(30, 68));
    assertThat(r.steadiness()).isEqualTo(Steadiness.flat);
    assertThat(r.steadyFrom()).isZero();
  }

  @Test
  void aWarmupIsCutAtItsEnd() {
    // 238 -> 146 -> 104 µs, then steady at 68: the short set-up's okhttp fork
    double[] x = concat(noisy(4, 238), noisy(4, 146), noisy(4, 104), noisy(28, 68));
    SteadyState.Result r = SteadyState.classify(x);
    assertThat(r.steadiness()).isEqualTo(Steadiness.warmup);
    assertThat(r.steadyFrom()).isEqualTo(12);
  }

  @Test
  void aSlowdownIsCutWhereItSettlesHigher() {
    double[] x = concat(noisy(15, 68), noisy(20, 90));
    SteadyState.Result r = SteadyState.classify(x);
    assertThat(r.steadiness()).isEqualTo(Steadiness.slowdown);
    assertThat(r.steadyFrom()).isEqualTo(15);
  }

  @Test
  void aSeriesStillChangingNearItsEndHasNoSteadyState() {
    double[] x = concat(noisy(26, 68), noisy(6, 120));
    SteadyState.Result r = SteadyState.classify(x);
    assertThat(r.steadiness()).isEqualTo(Steadiness.no_steady_state);
    assertThat(r.steadyFrom()).as("nothing is cut when nothing is steady").isZero();
  }

  @Test
  void aDriftWithoutAPlateauHasNoSteadyState() {
    double[] x = new double[40];
    for (int i = 0; i < x.length; i++) {
      x[i] = 200 * Math.pow(0.97, i) * (1 + 0.005 * RND.nextGaussian());
    }
    assertThat(SteadyState.classify(x).steadiness()).isEqualTo(Steadiness.no_steady_state);
  }

  @Test
  void stepsSmallerThanTheToleranceAreOneLevel() {
    double[] x = concat(noisy(15, 68), noisy(15, 68 * 1.01));
    assertThat(SteadyState.classify(x).steadiness()).isEqualTo(Steadiness.flat);
  }

  @Test
  void aLoneOutlierIsNotASegment() {
    double[] x = noisy(30, 68);
    x[20] = 400; // one GC pause
    assertThat(SteadyState.classify(x).steadiness()).isEqualTo(Steadiness.flat);
  }

  @Test
  void tooFewPointsAreNotChecked() {
    SteadyState.Result r = SteadyState.classify(concat(noisy(3, 238), noisy(10, 68)));
    assertThat(r.steadiness()).isEqualTo(Steadiness.not_checked);
    assertThat(r.steadiness().steady()).isFalse();
  }

  @Test
  void onlySettledClassesAreSteady() {
    assertThat(Steadiness.flat.steady()).isTrue();
    assertThat(Steadiness.warmup.steady()).isTrue();
    assertThat(Steadiness.slowdown.steady()).isTrue();
    assertThat(Steadiness.no_steady_state.steady()).isFalse();
    assertThat(Steadiness.no_steady_state.label()).isEqualTo("no steady state");
  }

  @Test
  void refusesANonPositiveMedian() {
    double[] x = noisy(30, 68);
    x[3] = 0;
    assertThatThrownBy(() -> SteadyState.classify(x)).hasMessageContaining("window 3");
  }

  @Test
  void theNoiseEstimateIgnoresAStep() {
    // first differences see a step once: the robust sd stays that of the noise
    double[] x = concat(noisy(20, Math.exp(1)), noisy(20, Math.exp(3)));
    double[] logs = new double[x.length];
    for (int i = 0; i < x.length; i++) {
      logs[i] = Math.log(x[i]);
    }
    assertThat(SteadyState.robustSd(logs)).isBetween(0.005, 0.02);
  }
}
