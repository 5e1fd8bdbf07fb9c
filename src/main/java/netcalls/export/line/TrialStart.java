package netcalls.export.line;

/**
 * The zero of a trial's own time axis: the start of its first sample written. The {@code offset_ms} field of
 * its request and pair points counts from it, so two runs' trials line up on one axis whenever they ran.
 * One per trial (one fork's samples), shared by its {@link RequestLines} and {@link PairPoints}; the file
 * export and live mode see the rows in the same order, so both write the same offsets.
 */
public final class TrialStart {
  private long zero;
  private boolean set;

  /** Whole milliseconds from the trial's first sample to {@code startNs}; the first call fixes the zero. */
  public long offsetMs(long startNs) {
    if (!set) {
      zero = startNs;
      set = true;
    }
    // a call that began before the first one written (a concurrent leg) has a small negative offset
    return Math.floorDiv(startNs - zero, 1_000_000L);
  }
}
