package netcalls.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The exact tests against SciPy's permutation_test, values in src/test/resources/compare/exact-reference.json
 * (made by exact_reference.py next to it), and the paired interval against the signed-rank tables.
 */
class ExactTest {
  private static JsonNode reference() throws Exception {
    try (InputStream in = ExactTest.class.getResourceAsStream("/compare/exact-reference.json")) {
      return new ObjectMapper().readTree(in);
    }
  }

  private static double[] values(JsonNode a) {
    double[] v = new double[a.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = a.get(i).asDouble();
    }
    return v;
  }

  @Test
  void unpairedWithTiesMatchesScipyPermutationTest() throws Exception {
    JsonNode ref = reference();
    assertThat(ref.path("source").asText()).contains("permutation_test");
    int withTies = 0;
    for (JsonNode c : ref.path("unpaired")) {
      Exact.Result r = Exact.rankSum(values(c.path("baseline")), values(c.path("candidate")));
      assertThat(r.exact()).isTrue();
      assertThat(r.pGreater()).as("greater %s", c).isCloseTo(c.path("greater").asDouble(), within(1e-12));
      assertThat(r.pLess()).as("less %s", c).isCloseTo(c.path("less").asDouble(), within(1e-12));
      assertThat(r.twoSided()).as("two-sided %s", c).isCloseTo(c.path("two-sided").asDouble(), within(1e-12));
      withTies += r.ties() > 0 ? 1 : 0;
    }
    assertThat(withTies).as("cases with ties").isGreaterThanOrEqualTo(4);
  }

  @Test
  void pairedSignFlipMatchesScipyPermutationTest() throws Exception {
    for (JsonNode c : reference().path("paired")) {
      double[] x = values(c.path("baseline"));
      double[] y = values(c.path("candidate"));
      double[] d = new double[x.length];
      for (int i = 0; i < d.length; i++) {
        d[i] = y[i] - x[i];
      }
      Exact.Result r = Exact.signFlip(d);
      assertThat(r.pGreater()).as("greater %s", c).isCloseTo(c.path("greater").asDouble(), within(1e-12));
      assertThat(r.pLess()).as("less %s", c).isCloseTo(c.path("less").asDouble(), within(1e-12));
      assertThat(r.twoSided()).as("two-sided %s", c).isCloseTo(c.path("two-sided").asDouble(), within(1e-12));
    }
  }

  @Test
  void sevenRoundsAllSlowerReachTheFloorAndNoLower() {
    double[] d = {0.01, 0.02, 0.03, 0.04, 0.05, 0.06, 0.07};
    Exact.Result r = Exact.signFlip(d);
    assertThat(r.pGreater()).isEqualTo(1 / 128.0).isEqualTo(Exact.pairedFloor(7));
    assertThat(r.pLess()).isEqualTo(1);
    // the tie-free exact Mann-Whitney of Commons Statistics and the counted distribution agree
    double[] x = {1, 2, 3, 4, 5};
    double[] y = {3.5, 6, 7, 8, 9};
    assertThat(Exact.rankSum(x, y).twoSided()).isCloseTo(Stats.mannWhitney(x, y).p(), within(1e-12));
  }

  @Test
  void midRanksAndTies() {
    assertThat(Exact.doubledMidRanks(new double[] {3, 1, 3, 2})).containsExactly(7, 2, 7, 4);
    assertThat(Exact.tied(new double[] {3, 1, 3, 2, 2, 5})).isEqualTo(4);
  }

  @Test
  void walshIntervalUsesTheSignedRankTable() {
    // the signed-rank null for n = 5: 32 sign vectors, P(T+ <= 0) = 1/32 > 0.025: no 95 % interval
    assertThat(Exact.signedRankCdf(5)[0]).isEqualTo(1 / 32.0);
    Stats.Ratio five = Exact.walsh(new double[] {0.1, 0.2, 0.3, 0.4, 0.5}, 0.95);
    assertThat(five.bounded()).isFalse();
    assertThat(Math.log(five.estimate())).isCloseTo(0.3, within(1e-12));
    // n = 7: P(T+ <= 2) = 4/128 > 0.025 >= P(T+ <= 1) = 2/128, so k = 3 (table: T <= 2 for 0.05 two-sided):
    // the interval is the 3rd smallest and 3rd largest of the 28 Walsh averages
    double[] d = {-0.02, 0.01, 0.03, 0.04, 0.05, 0.06, 0.08};
    Stats.Ratio seven = Exact.walsh(d, 0.95);
    assertThat(Math.log(seven.lower())).isCloseTo(0.005, within(1e-12)); // -0.02, (-0.02+0.01)/2, (-0.02+0.03)/2
    assertThat(Math.log(seven.upper())).isCloseTo(0.065, within(1e-12)); // 0.08, (0.06+0.08)/2, (0.05+0.08)/2
    // median of the 28: the mean of the 14th and 15th, (0.035 + 0.04) / 2
    assertThat(Math.log(seven.estimate())).isCloseTo(0.0375, within(1e-12));
  }
}
