package netcalls.run;

/**
 * The field names of compare's JSON output ({@code compare --format json}, {@code compare.json} of a nightly): the
 * one place they are spelt, written by {@code netcalls.compare.Formats} and read by the {@code history record}
 * command (which rows are gated, their verdicts). Renaming one here renames it for both.
 */
public final class CompareJson {
  private CompareJson() {}

  public static final String BASELINE = "baseline";
  public static final String CANDIDATE = "candidate";
  /** How the rows were tested, in words: {@link #REPLICATE}, {@link #TEST}, {@link #FDR}, {@link #CI}, {@link #THRESHOLD}. */
  public static final String METHOD = "method";
  public static final String FDR = "fdr";
  public static final String CI = "ci";
  public static final String GATE = "gate";
  public static final String GATE_P99 = "gateP99";
  public static final String FAMILY_SIZE = "familySize";
  public static final String ALONE_NEEDS_P = "aloneNeedsP";
  public static final String MINIMUM_ROUNDS_ALONE = "minimumRoundsAlone";
  public static final String ALPHA = "alpha";
  public static final String THRESHOLD = "threshold";
  public static final String MAX_CV = "maxCv";
  public static final String CI_LEVEL = "ciLevel";
  public static final String MINIMUM_REPLICATES = "minimumReplicates";
  public static final String MINIMUM_REPLICATES_ALONE = "minimumReplicatesAlone";
  /** The compared rows, one object each. */
  public static final String ROWS = "rows";
  public static final String SUMMARY = "summary";
  public static final String WARNINGS = "warnings";
  public static final String ERRORS = "errors";
  public static final String EXIT_CODE = "exitCode";

  /** A side's run: its folder, id, commit and testbed. */
  public static final String DIR = "dir";
  public static final String RUN_ID = "runId";
  public static final String GIT_COMMIT = "gitCommit";
  public static final String TESTBED = "testbed";

  // a row's fields
  public static final String BENCHMARK = "benchmark";
  public static final String NAME = "name";
  /** null for the row of the center (p50 or score); {@code p99} for the row of the p99s. */
  public static final String STAT = "stat";
  public static final String MODE = "mode";
  public static final String PARAMS = "params";
  public static final String UNIT = "unit";
  /** slower, faster, ~, noisy, ... (netcalls.compare.Verdict's labels). */
  public static final String VERDICT = "verdict";
  public static final String REPLICATE = "replicate";
  public static final String N_BASELINE = "nBaseline";
  public static final String N_CANDIDATE = "nCandidate";
  /** Within a row's side: its p50 and p99 (sample mode), else its score. */
  public static final String P50 = "p50";
  public static final String P99 = "p99";
  public static final String SCORE = "score";
  public static final String RATIO = "ratio";
  public static final String CHANGE_PERCENT = "changePercent";
  public static final String CI_LOWER = "ciLower";
  public static final String CI_UPPER = "ciUpper";
  public static final String U = "u";
  public static final String P = "p";
  public static final String P_ADJUSTED = "pAdjusted";
  public static final String CV_BASELINE = "cvBaseline";
  public static final String CV_CANDIDATE = "cvCandidate";
  /** The scatter the noisy rule judged (paired: the rounds' ratios', per side). */
  public static final String NOISE = "noise";
  public static final String REPLICATES_NEEDED = "replicatesNeeded";
  public static final String TOO_FEW_REPLICATES = "tooFewReplicates";
  public static final String TEST = "test";
  public static final String TIES = "ties";
  public static final String P_FLOOR = "pFloor";
  /** Whether the row can fail the build; only gated rows judge a night. */
  public static final String GATED = "gated";
  public static final String INVALID_REASON = "invalidReason";
  public static final String PHASE = "phase";
  public static final String BASELINE_NS = "baselineNs";
  public static final String CANDIDATE_NS = "candidateNs";
  public static final String DELTA_NS = "deltaNs";
}
