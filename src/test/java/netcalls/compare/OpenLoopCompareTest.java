package netcalls.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import netcalls.export.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Open-loop runs compared fork by fork on corrected p50 and p99 from their openloop/ files, on run folders written
 * by real small runs (src/test/resources/runs/openloop-*: okhttp reuse at 50 requests/s, three forks each; "slow"
 * is the same parameters against a server answering 1.5 s late, so its fork missed the rate).
 */
class OpenLoopCompareTest {
  @TempDir
  Path tmp;

  private Comparison compare(List<String> base, List<String> cand) throws CompareException {
    return Compare.runs(base.stream().map(n -> Fixtures.copyRun(n, tmp)).toList(),
        cand.stream().map(n -> Fixtures.copyRun(n, tmp)).toList(), Options.defaults().sequentialAllowed());
  }

  @Test
  void theRowsAreCorrectedP50AndP99PerForkNeverTheWallTime() throws CompareException {
    Comparison c = compare(List.of("openloop-ok"), List.of("openloop-ok-b"));
    assertThat(c.rows()).extracting(Row::mode).containsExactly("corrected p50", "corrected p99");
    // 50 requests per fork: p99 rests on half a request beyond it, a guess, never gated
    Row p99 = c.rows().get(1);
    assertThat(p99.verdict()).isEqualTo(Verdict.INVALID);
    assertThat(p99.compared()).isFalse();
    assertThat(p99.invalidReason()).contains("p99 rests on fewer than 10 of its 50 requests (thin)");
    for (Row r : c.rows().subList(0, 1)) {
      assertThat(r.shortName()).isEqualTo("OpenLoopLatency.run");
      assertThat(r.unit()).isEqualTo("us/op");
      assertThat(r.replicate()).isEqualTo("fork");
      assertThat(r.nBaseline()).isEqualTo(3);
      assertThat(r.nCandidate()).isEqualTo(3);
      assertThat(r.compared()).isTrue();
      assertThat(r.invalidReason()).isNull();
      assertThat(r.params()).containsEntry("rate", "50").doesNotContainKey("mode");
      // µs of one request, not the ~1000 ms wall time of a schedule run
      assertThat(r.baselineCenter()).isBetween(1.0, 900_000.0);
    }
    assertThat(c.errors()).isEmpty();
    String text = Formats.text(c);
    assertThat(text).contains("OpenLoopLatency.run (corrected p50)").contains("OpenLoopLatency.run (corrected p99)")
        .doesNotContain("ms/op");
  }

  @Test
  void aForkThatMissedItsRateMakesTheRowInvalidWithTheReason() throws Exception {
    Comparison c = compare(List.of("openloop-ok"), List.of("openloop-ok-b", "openloop-slow"));
    assertThat(c.rows()).hasSize(2).allSatisfy(r -> {
      assertThat(r.verdict()).isEqualTo(Verdict.INVALID);
      assertThat(r.compared()).isFalse();
      assertThat(r.invalidReason()).contains("candidate fork ").contains("openloop-slow")
          .contains("no latency, because rate not reached: 20.0 of 50.0 requests/s");
      assertThat(r.nCandidate()).isEqualTo(3); // the valid forks, shown for diagnosis
      assertThat(r.p()).isNaN();
    });
    assertThat(c.exitCode()).isZero();
    assertThat(c.warnings()).anyMatch(w -> w.contains("invalid, no verdict") && w.contains("rate not reached"));
    assertThat(Formats.text(c)).contains("invalid");
    assertThat(Formats.json(c)).contains("\"invalidReason\" : \"candidate fork ", "\"invalidReason\" : \"baseline fork ").contains("\"invalid\" : 2");
    java.nio.file.Path lp = tmp.resolve("compare.lp");
    netcalls.export.ComparePoints.write(c, lp);
    // the rows' points; the netcalls_compare_run points list each side's runs
    assertThat(java.nio.file.Files.readAllLines(lp).stream().filter(l -> l.startsWith("netcalls_compare,")))
        .hasSize(2).allSatisfy(l -> assertThat(l)
        .contains(",verdict=invalid ").containsPattern("invalid_reason=\"(baseline|candidate) fork ")
        .doesNotContain("ratio="));
  }
}
