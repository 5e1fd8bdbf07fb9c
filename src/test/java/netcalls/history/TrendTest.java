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

  /**
   * After {@code --accept} the anchor is the accepted revision: the creep's nights are known, the flat nights after it
   * are no drift, and a new rise of 4 % after it is NEW (against the old anchor it hid in the accepted 10 %).
   */
  @Test
  void anAcceptMovesTheAnchorToTheAcceptedRevision() {
    double[] creep = EDivisiveTest.SERIES.get("creep"); // ends at 110.0, night 20 (sha 19)
    List<Night> nights = new ArrayList<>(nights(creep));
    nights.add(new Night(21, "2026-11-21", sha(18), sha(19), Night.Kind.ACCEPT, "HTTP/2 by default", Map.of(),
        List.of()));
    double[] after = {110.2, 109.8, 110.1, 109.9, 110.3};
    for (int i = 0; i < after.length; i++) {
      nights.add(night(22 + i, sha(19 + i), sha(20 + i), 110.0, after[i]));
    }
    String anchor = sha(0).substring(0, 7);

    Trend.Report flat = Trend.of(nights, anchor, 0.03, EDivisive.Config.defaults());
    assertThat(flat.anchor()).isEqualTo(sha(19));
    assertThat(flat.findings()).noneMatch(f -> f.kind().equals("anchor"));
    assertThat(flat.anyNew()).isFalse();
    assertThat(flat.render()).contains("anchor " + sha(19).substring(0, 7) + ": a night more than 3.0 % above its"
        + " values (moved from " + anchor + " by the ACCEPT at line 21; nights after it)");

    nights.add(night(27, sha(24), sha(25), 110.0, 114.6));
    Trend.Report rise = Trend.of(nights, anchor, 0.03, EDivisive.Config.defaults());
    Trend.Finding f = rise.findings().stream().filter(x -> x.kind().equals("anchor")).findFirst().orElseThrow();
    // the accepted revision's values: its night's rounds and the next nights' baselines, median 110.0
    assertThat(f.after().line()).isEqualTo(27);
    assertThat(f.change()).isCloseTo(114.6 / 110.0 - 1, within(1e-9));
    assertThat(f.isNew()).isTrue();
    assertThat(rise.anyNew()).isTrue();

    // a pinned anchor newer than the ACCEPT stays where it is
    Trend.Report newer = Trend.of(nights, sha(22).substring(0, 7), 0.03, EDivisive.Config.defaults());
    assertThat(newer.anchor()).isEqualTo(sha(22).substring(0, 7));
    assertThat(newer.pinnedAnchor()).isNull();
  }

  private static Night night(int line, String base, String cand, double b, double x) {
    return new Night(line, String.format("2026-11-%02d", line), base, cand, Night.Kind.PASS, null,
        Map.of(ROW, new Night.Values("us/op", new double[] {b, b, b}, new double[] {x - 0.2, x, x + 0.2})), List.of());
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
