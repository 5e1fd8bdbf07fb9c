package netcalls.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The busy-round rule and the no-ratchet rule: which nights may move the baseline. */
class NightRulesTest {

  @Test
  void aRoundIsBusyWhenOtherProcessesTookAQuarterCoreOrStealPassesFivePercent() {
    // a 60 s run on 2 cores at 100 ticks/s: 12,000 ticks in all
    // the run itself used 100 s of CPU (1.67 cores), others 2 s: idle 1,800 ticks; its own load never counts
    assertThat(NightRules.busy(1800, 0, 12000, 100_000, 60_000, 2)).isNull();
    // the run used 70 s, others 30 s (0.5 cores on average): busy
    assertThat(NightRules.busy(2000, 0, 12000, 70_000, 60_000, 2))
        .isEqualTo("other processes used 0.50 cores during the run, above 0.25");
    // just under a quarter core: not busy
    assertThat(NightRules.busy(3500, 0, 12000, 70_000, 60_000, 2)).isNull();
    assertThat(NightRules.busy(1800, 600, 12000, 100_000, 60_000, 2)).as("5.0 %: not above 5 %").isNull();
    assertThat(NightRules.busy(1800, 700, 12000, 100_000, 60_000, 2))
        .isEqualTo("5.8 % of CPU time stolen during the run, above 5 %");
    assertThat(NightRules.busy(0, 0, 0, 100_000, 60_000, 2)).as("no ticks read: no evidence").isNull();
  }

  @Test
  void onlyAFullWellJudgedNightWithEnoughRoundsPasses() {
    List<String> judged = List.of("~", "faster", "~");
    assertThat(NightRules.night(true, 10, 0, judged)).isEqualTo(new NightRules.Outcome(Night.Kind.PASS, null));
    assertThat(NightRules.night(true, NightRules.MIN_ROUNDS, 0, judged).kind()).isEqualTo(Night.Kind.PASS);

    assertThat(NightRules.night(true, 10, 1, List.of("~", "slower")))
        .isEqualTo(new NightRules.Outcome(Night.Kind.REGRESSION, "at least one row is slower"));
    assertThat(NightRules.night(false, 10, 0, judged))
        .isEqualTo(new NightRules.Outcome(Night.Kind.HOLD, "a manual or subset run (--bench) never moves the baseline"));
    assertThat(NightRules.night(true, 7, 0, judged))
        .isEqualTo(new NightRules.Outcome(Night.Kind.HOLD, "7 rounds compared, fewer than the 8 a lone row needs to be flagged"));
    for (String unjudged : List.of("noisy", "not gated", "too few", "baseline only", "candidate only", "invalid")) {
      assertThat(NightRules.night(true, 10, 0, List.of("~", unjudged)))
          .as(unjudged)
          .isEqualTo(new NightRules.Outcome(Night.Kind.HOLD,
              "1 of 2 rows got no verdict (noisy, too few, not gated, one side)"));
    }
    assertThat(NightRules.night(true, 10, 0, List.of())).isEqualTo(new NightRules.Outcome(Night.Kind.HOLD, "no row was compared"));
  }

  @Test
  void eightRoundsIsTheFewestThatLetALoneRowPassBenjaminiHochbergAmongTen() {
    // the sign-flip floor 2^-n against BH's bar for the smallest of 10 p-values at 0.05
    assertThat(Math.pow(2, -NightRules.MIN_ROUNDS)).isLessThanOrEqualTo(0.05 / 10);
    assertThat(Math.pow(2, -(NightRules.MIN_ROUNDS - 1))).isGreaterThan(0.05 / 10);
  }
}
