package netcalls.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * E-divisive against an independent implementation of the published algorithm
 * (src/test/resources/history/edivisive_reference.py, Python and numpy, plain distance blocks):
 * the same splits with the same Q̂ on the same series. Its p-values come from another random
 * generator, so only both being significant is compared.
 */
class EDivisiveTest {
  /** The series of edivisive_reference.py, copied. */
  static final Map<String, double[]> SERIES = new LinkedHashMap<>();

  static {
    SERIES.put("step", new double[] {100.2, 99.1, 100.8, 99.6, 100.4, 99.9, 101.0, 99.3, 100.1, 100.6,
        106.3, 105.8, 106.9, 105.5, 106.2, 107.0, 105.9, 106.4, 106.1, 105.7});
    SERIES.put("up-down", new double[] {50.1, 49.8, 50.3, 49.9, 50.2, 50.0, 50.4, 49.7, 50.1, 50.2,
        54.1, 53.8, 54.3, 54.0, 54.2, 53.9, 54.4, 53.7, 54.1, 54.0,
        50.2, 49.9, 50.1, 50.3, 49.8, 50.0, 50.2, 49.9, 50.4, 50.1});
    SERIES.put("creep", new double[] {100.3, 99.8, 100.1, 99.6, 100.4, 99.9, 100.2, 99.7, 100.0, 100.3,
        101.0, 102.1, 102.9, 104.2, 105.0, 105.9, 107.1, 108.0, 109.2, 110.0});
    SERIES.put("flat", new double[] {80.3, 79.6, 80.9, 80.1, 79.4, 80.6, 80.0, 79.8, 80.7, 79.9, 80.2, 80.5, 79.7, 80.4});
  }

  @Test
  void findsTheReferenceSplitsWithTheReferenceStatistic() throws Exception {
    Map<String, List<String[]>> reference = new LinkedHashMap<>();
    for (String line : Files.readAllLines(Path.of("src/test/resources/history/edivisive_reference.tsv"))) {
      String[] f = line.split("\t", -1);
      if (!f[0].equals("series") && !f[1].equals("end")) {
        reference.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
      }
      if (!f[0].equals("series")) {
        reference.computeIfAbsent(f[0], k -> new ArrayList<>());
      }
    }
    assertThat(reference.keySet()).containsExactlyElementsOf(SERIES.keySet());
    for (Map.Entry<String, double[]> s : SERIES.entrySet()) {
      List<EDivisive.ChangePoint> found = EDivisive.detect(s.getValue(), EDivisive.Config.defaults());
      List<String[]> expected = reference.get(s.getKey());
      assertThat(found).as(s.getKey()).hasSameSizeAs(expected);
      for (int i = 0; i < found.size(); i++) {
        assertThat(found.get(i).index()).as(s.getKey()).isEqualTo(Integer.parseInt(expected.get(i)[1]));
        assertThat(found.get(i).qhat()).as(s.getKey()).isCloseTo(Double.parseDouble(expected.get(i)[2]), within(1e-8));
        assertThat(found.get(i).p()).isLessThanOrEqualTo(0.05);
      }
    }
    assertThat(reference.get("up-down")).hasSize(2); // the fixture holds a step up and back down
    assertThat(reference.get("flat")).isEmpty();
  }

  @Test
  void theSameSeriesGivesTheSameAnswer() {
    double[] z = SERIES.get("creep");
    assertThat(EDivisive.detect(z, EDivisive.Config.defaults())).isEqualTo(EDivisive.detect(z, EDivisive.Config.defaults()));
  }

  @Test
  void seriesTooShortToSplitHaveNoChangePoint() {
    assertThat(EDivisive.detect(new double[] {1, 2, 10, 11, 12}, EDivisive.Config.defaults())).isEmpty();
    assertThat(EDivisive.detect(new double[0], EDivisive.Config.defaults())).isEmpty();
  }
}
