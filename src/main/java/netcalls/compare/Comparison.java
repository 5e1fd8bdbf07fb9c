package netcalls.compare;

import java.nio.file.Path;
import java.util.List;

/**
 * The result of comparing a baseline side with a candidate side (each one or more run folders, forks pooled).
 *
 * @param warnings notes that do not stop the comparison (different testbeds, one fork, --force)
 * @param errors damaged input that was left out (exit 2 even though the rest was compared)
 */
public record Comparison(List<RunRef> baseline, List<RunRef> candidate, Options options, List<Row> rows,
    List<String> warnings, List<String> errors) {

  /** A run folder of one side: where, its id, its commit, its testbed, when it ended (run.json). */
  public record RunRef(Path dir, String runId, String gitCommit, String testbed, java.time.Instant end) {}

  /** 2 when input was damaged, 1 when a gated row is slower (informational rows never fail), else 0. */
  public int exitCode() {
    if (!errors.isEmpty()) {
      return 2;
    }
    return rows.stream().anyMatch(Row::fails) ? 1 : 0;
  }

  /** The gated family's size: tested rows that can fail the build, the rows Benjamini–Hochberg corrects over. */
  public long familySize() {
    return Family.size(rows);
  }

  /** The raw p a slower row alone in the gated family needs: alpha / family size. */
  public double aloneNeedsP() {
    return Family.alone(options.alpha(), familySize());
  }

  public long count(Verdict v) {
    return rows.stream().filter(r -> r.verdict() == v).count();
  }

  /** Rows measured on both sides (those that went through the test and the FDR step). */
  public long compared() {
    return rows.stream().filter(Row::compared).count();
  }

  /** Fewest replicates per side with which any row can reach p below alpha. */
  public int minimumReplicates() {
    return Stats.minimumReplicates(options.alpha());
  }

  /**
   * Fewest forks per side with which a single changed row of the gated family can get a verdict (unpaired):
   * Benjamini–Hochberg then asks its raw p to be below alpha / family size.
   */
  public int minimumReplicatesAlone() {
    return Stats.minimumReplicates(aloneNeedsP());
  }

  /** Fewest paired rounds with which a single changed row of the gated family can get a verdict: 2^-n &lt;= that p. */
  public int minimumRoundsAlone() {
    int n = 1;
    while (Exact.pairedFloor(n) > aloneNeedsP()) {
      n++;
    }
    return n;
  }
}
