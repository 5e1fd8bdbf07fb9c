package netcalls.compare;

import java.util.Map;

/**
 * One benchmark × parameter set of a comparison. Values are in the baseline's unit (the candidate's converted
 * when the runs used different {@code -tu}); NaN means "does not apply" (no p99 outside sample mode, no
 * statistics for a row measured on one side only).
 *
 * @param center median over replicates of each replicate's p50 (sample mode) or score (other modes)
 * @param tail median over replicates of each replicate's p99 (sample mode only)
 * @param replicate {@code fork}, or {@code iteration} when a side had a single fork
 * @param ratio Hodges–Lehmann estimate of candidate / baseline; {@code ciLower..ciUpper} its interval
 *     (0 and +Infinity when too few replicates bound it)
 * @param replicatesNeeded replicates per side to detect the threshold at the observed scatter (see Stats)
 * @param tooFew true when n per side cannot give p below alpha at all
 * @param phase the phase whose median moved most (candidate − baseline), null without samples on both sides
 * @param invalidReason why an {@link Verdict#INVALID} or {@link Verdict#NOT_GATED} row has no verdict (which side's
 *     which fork, and why); else null
 */
public record Row(String benchmark, String shortName, String mode, Map<String, String> params, String unit,
    Verdict verdict, String replicate, int nBaseline, int nCandidate, double baselineCenter,
    double candidateCenter, double baselineTail, double candidateTail, double ratio, double ciLower,
    double ciUpper, double u, double p, double pAdjusted, double cvBaseline, double cvCandidate,
    int replicatesNeeded, boolean tooFew, PhaseShift phase, String invalidReason) {

  /** A row without the reason an {@link Verdict#INVALID} row carries. */
  public Row(String benchmark, String shortName, String mode, Map<String, String> params, String unit,
      Verdict verdict, String replicate, int nBaseline, int nCandidate, double baselineCenter,
      double candidateCenter, double baselineTail, double candidateTail, double ratio, double ciLower,
      double ciUpper, double u, double p, double pAdjusted, double cvBaseline, double cvCandidate,
      int replicatesNeeded, boolean tooFew, PhaseShift phase) {
    this(benchmark, shortName, mode, params, unit, verdict, replicate, nBaseline, nCandidate, baselineCenter,
        candidateCenter, baselineTail, candidateTail, ratio, ciLower, ciUpper, u, p, pAdjusted, cvBaseline,
        cvCandidate, replicatesNeeded, tooFew, phase, null);
  }

  /** This row with its verdict decided, from the p-value adjusted over all rows of the comparison. */
  public Row decided(Verdict verdict, double pAdjusted) {
    return new Row(benchmark, shortName, mode, params, unit, verdict, replicate, nBaseline, nCandidate, baselineCenter,
        candidateCenter, baselineTail, candidateTail, ratio, ciLower, ciUpper, u, p, pAdjusted, cvBaseline,
        cvCandidate, replicatesNeeded, tooFew, phase, invalidReason);
  }

  /** A phase's median per side in nanoseconds (median over trials of each trial's median). */
  public record PhaseShift(String name, double baselineNs, double candidateNs) {
    public double deltaNs() {
      return candidateNs - baselineNs;
    }
  }

  /** True for rows measured on both sides whose replicates are all valid. */
  public boolean compared() {
    return verdict != Verdict.BASELINE_ONLY && verdict != Verdict.CANDIDATE_ONLY && verdict != Verdict.INVALID
        && verdict != Verdict.NOT_GATED;
  }

  /** The change in percent, (ratio - 1) * 100. */
  public double changePercent() {
    return (ratio - 1) * 100;
  }

  /** True in sample mode, where the center is a p50 and the tail a p99. */
  public boolean sampled() {
    return !Double.isNaN(baselineTail) || !Double.isNaN(candidateTail);
  }

  /** {@code client=okhttp scheme=http}: the parameters in name order. */
  public String paramsLabel() {
    return new Key(benchmark, mode, new java.util.TreeMap<>(params)).paramsLabel();
  }
}
