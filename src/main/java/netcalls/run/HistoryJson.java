package netcalls.run;

/**
 * The field names of the nightly's history file (JSON lines, one night or one accepted change a
 * line; README "Nightly"): the one place they are spelt, used by {@code netcalls.history} that reads
 * and writes it and by scripts/nightly.sh, which reads {@link #VERDICT} and {@link #CANDIDATE} to pick
 * its baseline before anything is built.
 */
public final class HistoryJson {
  private HistoryJson() {}

  public static final String DATE = "date";
  public static final String BASELINE = "baseline";
  public static final String CANDIDATE = "candidate";
  /** PASS (moves the baseline), ACCEPT (an intended change: moves it too), HOLD or REGRESSION (do not). */
  public static final String VERDICT = "verdict";
  public static final String REASON = "reason";
  /** Rounds asked; rounds left out as busy, by number, with why. */
  public static final String ROUNDS = "rounds";
  public static final String BUSY_ROUNDS = "busyRounds";
  /** Row label to its unit and per-round values of each side (each round's steady p50). */
  public static final String ROWS = "rows";
  public static final String UNIT = "unit";
}
