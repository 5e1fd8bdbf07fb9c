package netcalls.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The history read night by night, on synthetic histories built from the reference series of
 * {@link EDivisiveTest} (each night: three rounds around the series' value): a step is found with
 * its commit range, an accepted one is no longer new, and a creep is found against the anchor.
 */
class TrendTest {
  private static final String ROW = "netcalls.bench.RequestLatency.request client=okhttp,scheme=http,strategy=reuse";

  @Test
  void aStepIsAChangePointWithItsCommitRangeAndNew() {
    List<Night> nights = nights(EDivisiveTest.SERIES.get("step"));

    Trend.Report report = Trend.of(nights, null, 0.03, EDivisive.Config.defaults());

    assertThat(report.findings()).hasSize(1);
    Trend.Finding f = report.findings().get(0);
    assertThat(f.kind()).isEqualTo("change");
    assertThat(f.after().line()).isEqualTo(11);
    assertThat(f.before()).isEqualTo(sha(9).substring(0, 7));
    assertThat(f.after().candidate()).isEqualTo(sha(10));
    assertThat(f.change()).isCloseTo(106.15 / 100.15 - 1, within(1e-9));
    assertThat(f.isNew()).isTrue();
    assertThat(report.anyNew()).isTrue();
    assertThat(report.render()).contains("change " + ROW + ": +6.0 % from 2026-11-11 (line 11), commits "
        + sha(9).substring(0, 7) + ".." + sha(10).substring(0, 7) + "  NEW");
  }

  @Test
  void anAcceptedChangeIsNoLongerNew() {
    List<Night> nights = new ArrayList<>(nights(EDivisiveTest.SERIES.get("step")));
    nights.add(new Night(21, "2026-11-21", sha(19), sha(19), Night.Kind.ACCEPT, "the new TLS default", Map.of(), List.of()));

    Trend.Report report = Trend.of(nights, null, 0.03, EDivisive.Config.defaults());

    assertThat(report.findings()).hasSize(1);
    assertThat(report.anyNew()).isFalse();
    assertThat(report.render()).contains("(the last ACCEPT) are known").doesNotContain("NEW");
  }

  @Test
  void aFlatHistoryHasNoChangePoint() {
    Trend.Report report = Trend.of(nights(EDivisiveTest.SERIES.get("flat")), null, 0.03, EDivisive.Config.defaults());

    assertThat(report.findings()).isEmpty();
    assertThat(report.anyNew()).isFalse();
    assertThat(report.render()).contains("no change point");
  }

  @Test
  void aCreepIsFoundAgainstThePinnedAnchorAtTheFirstNightOverTheThreshold() {
    double[] creep = EDivisiveTest.SERIES.get("creep"); // 1 % a night from night 11 on
    List<Night> nights = nights(creep);

    Trend.Report report = Trend.of(nights, sha(0).substring(0, 7), 0.03, EDivisive.Config.defaults());

    Trend.Finding anchor = report.findings().stream().filter(f -> f.kind().equals("anchor")).findFirst().orElseThrow();
    // the anchor's values are 100.3 (its night and the next night's baseline); 102.9 is +2.6 %, 104.2 the first above 3 %
    assertThat(anchor.after().line()).isEqualTo(14);
    assertThat(anchor.change()).isCloseTo(104.2 / 100.3 - 1, within(1e-9));
    assertThat(anchor.before()).isEqualTo(sha(12).substring(0, 7));
    assertThat(anchor.isNew()).isTrue();
    assertThat(report.render()).contains("anchor " + sha(0).substring(0, 7) + ": a night more than 3.0 % above its values");
  }

  /** Night i (line i + 1): candidate sha(i) against sha(i - 1), three rounds around {@code series[i]}
   * (the baseline's at the night before's value). */
  static List<Night> nights(double[] series) {
    List<Night> nights = new ArrayList<>();
    for (int i = 0; i < series.length; i++) {
      double x = series[i];
      double base = series[Math.max(0, i - 1)]; // the baseline is the night before's candidate
      nights.add(new Night(i + 1, String.format("2026-11-%02d", i + 1), sha(Math.max(0, i - 1)), sha(i), Night.Kind.PASS,
          null, Map.of(ROW, new Night.Values("us/op", new double[] {base, base, base}, new double[] {x - 0.2, x, x + 0.2})),
          List.of()));
    }
    return nights;
  }

  static String sha(int i) {
    return String.format("%07x", 0xabc0000 + i) + "0".repeat(33);
  }
}
