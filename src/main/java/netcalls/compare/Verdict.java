package netcalls.compare;

/** What a row says about the candidate against the baseline. */
public enum Verdict {
  /** Significant after FDR control, worse by at least the threshold. */
  SLOWER("slower"),
  /** Significant after FDR control, better by at least the threshold. */
  FASTER("faster"),
  /** No significant change of at least the threshold. */
  SAME("~"),
  /** No verdict because the replicates scatter beyond the noisy limit; more forks would tell. */
  NOISY("noisy"),
  /** Measured by the baseline only. */
  BASELINE_ONLY("baseline only"),
  /** Measured by the candidate only. */
  CANDIDATE_ONLY("candidate only"),
  /** No verdict: a replicate's load did not happen as asked (an open-loop fork missed its rate); the row says why. */
  INVALID("invalid"),
  /**
   * No verdict: a side has no fork that reached a steady state (each fork's class: netcalls.steady), so
   * nothing it measured may be gated; the row says which forks and why.
   */
  NOT_GATED("not gated"),
  /**
   * No verdict: the replicates cannot carry a test, a side with a single fork (its iterations share one JVM, so
   * they would make p too small) or a single round; the ratio is shown, the row says why. Never a failure.
   */
  NO_VERDICT("no verdict");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  /** The word printed and written to JSON. */
  public String label() {
    return label;
  }
}
