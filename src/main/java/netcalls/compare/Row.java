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
 * @param invalidReason why an {@link Verdict#INVALID}, {@link Verdict#NOT_GATED} or {@link Verdict#NO_VERDICT} row has
 *     no verdict (which side's which fork, and why); else null
 * @param test {@link #PAIRED} (rounds of interleaved runs, one-sided sign-flip test in the direction of the change),
 *     {@link #UNPAIRED} (replicates pooled, two-sided rank-sum test) or null without a test
 * @param ties how many of the tested values tie with another (pooled replicates, or rounds' |log ratio|)
 * @param pFloor the smallest p the test can give with these replicates (2^-n paired, 2 / C(m+n, m) unpaired)
 * @param gated whether this row can fail the build (compare's {@code --gate}); else it is informational
 * @param stat null for the row of the replicates' center (p50 or score); {@link #P99} for a row of their p99s,
 *     whose center columns then hold the p99s (its tail columns are NaN)
 * @param noise the scatter the noisy rule judged: the larger side's coefficient of variation (unpaired), or the
 *     rounds' ratios' one divided by sqrt(2), per side (paired: the machine's drift cancels in the ratios); NaN
 *     without a test
 */
public record Row(String benchmark, String shortName, String mode, Map<String, String> params, String unit,
    Verdict verdict, String replicate, int nBaseline, int nCandidate, double baselineCenter,
    double candidateCenter, double baselineTail, double candidateTail, double ratio, double ciLower,
    double ciUpper, double u, double p, double pAdjusted, double cvBaseline, double cvCandidate,
    int replicatesNeeded, boolean tooFew, PhaseShift phase, String invalidReason, String test, int ties,
    double pFloor, boolean gated, String stat, double noise) {
  public static final String PAIRED = "paired";
  public static final String UNPAIRED = "unpaired";
  /** The stat of a row that tests the forks' (or rounds') p99s. */
  public static final String P99 = "p99";

  /** A row of the center, before its noise is known. */
  public Row(String benchmark, String shortName, String mode, Map<String, String> params, String unit,
      Verdict verdict, String replicate, int nBaseline, int nCandidate, double baselineCenter,
      double candidateCenter, double baselineTail, double candidateTail, double ratio, double ciLower,
      double ciUpper, double u, double p, double pAdjusted, double cvBaseline, double cvCandidate,
      int replicatesNeeded, boolean tooFew, PhaseShift phase, String invalidReason, String test, int ties,
      double pFloor, boolean gated) {
    this(benchmark, shortName, mode, params, unit, verdict, replicate, nBaseline, nCandidate, baselineCenter,
        candidateCenter, baselineTail, candidateTail, ratio, ciLower, ciUpper, u, p, pAdjusted, cvBaseline,
        cvCandidate, replicatesNeeded, tooFew, phase, invalidReason, test, ties, pFloor, gated, null, Double.NaN);
  }

  /** A row without a test of its own (one side, invalid, not gated). */
  public Row(String benchmark, String shortName, String mode, Map<String, String> params, String unit,
      Verdict verdict, String replicate, int nBaseline, int nCandidate, double baselineCenter,
      double candidateCenter, double baselineTail, double candidateTail, double ratio, double ciLower,
      double ciUpper, double u, double p, double pAdjusted, double cvBaseline, double cvCandidate,
      int replicatesNeeded, boolean tooFew, PhaseShift phase, String invalidReason) {
    this(benchmark, shortName, mode, params, unit, verdict, replicate, nBaseline, nCandidate, baselineCenter,
        candidateCenter, baselineTail, candidateTail, ratio, ciLower, ciUpper, u, p, pAdjusted, cvBaseline,
        cvCandidate, replicatesNeeded, tooFew, phase, invalidReason, null, 0, Double.NaN, true);
  }

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

  /** This row with its verdict decided, from the p-value adjusted over its family (gated or informational). */
  public Row decided(Verdict verdict, double pAdjusted) {
    return new Row(benchmark, shortName, mode, params, unit, verdict, replicate, nBaseline, nCandidate, baselineCenter,
        candidateCenter, baselineTail, candidateTail, ratio, ciLower, ciUpper, u, p, pAdjusted, cvBaseline,
        cvCandidate, replicatesNeeded, tooFew, phase, invalidReason, test, ties, pFloor, gated, stat, noise);
  }

  /** This row without a verdict, for the reason given; it is never tested, so it is in no family. */
  public Row withoutVerdict(Verdict verdict, String reason) {
    return new Row(benchmark, shortName, mode, params, unit, verdict, replicate, nBaseline, nCandidate, baselineCenter,
        candidateCenter, baselineTail, candidateTail, ratio, ciLower, ciUpper, u, Double.NaN, Double.NaN, cvBaseline,
        cvCandidate, replicatesNeeded, tooFew, phase, reason, test, ties, pFloor, gated, stat, noise);
  }

  /** This row with the test that gave its p, the ties among its values, its p floor and whether it is gated. */
  Row tested(String test, int ties, double pFloor, boolean gated) {
    return new Row(benchmark, shortName, mode, params, unit, verdict, replicate, nBaseline, nCandidate, baselineCenter,
        candidateCenter, baselineTail, candidateTail, ratio, ciLower, ciUpper, u, p, pAdjusted, cvBaseline,
        cvCandidate, replicatesNeeded, tooFew, phase, invalidReason, test, ties, pFloor, gated, stat, noise);
  }

  /** This row as the row of its replicates' p99s, with the scatter its noisy rule judges. */
  Row asStat(String stat, double noise) {
    return new Row(benchmark, shortName, mode, params, unit, verdict, replicate, nBaseline, nCandidate, baselineCenter,
        candidateCenter, baselineTail, candidateTail, ratio, ciLower, ciUpper, u, p, pAdjusted, cvBaseline,
        cvCandidate, replicatesNeeded, tooFew, phase, invalidReason, test, ties, pFloor, gated, stat, noise);
  }

  /** Starts the reason of a p99 row without verdict because a fork's p99 is thin. */
  static final String THIN_P99 = "p99 thin: ";

  /** True for a p99 row whose p99 is thin in a fork: no verdict, never gated. */
  public boolean thinP99() {
    return p99() && invalidReason != null && invalidReason.startsWith(THIN_P99);
  }

  /** True for a row that tests the p99s ({@link #P99}) rather than the center. */
  public boolean p99() {
    return P99.equals(stat);
  }

  /** The name as the table prints it: the short name, the mode in brackets outside sample mode, then the stat. */
  public String name() {
    return shortName + (mode.equals("sample") || mode.isEmpty() ? "" : " (" + mode + ")") + (stat == null ? "" : " " + stat);
  }

  /** True for rows whose p went into a Benjamini–Hochberg family. */
  public boolean hasTest() {
    return compared() && !Double.isNaN(p);
  }

  /**
   * The row as the table prints it, name and parameters: {@code RequestLatency.request client=okhttp
   * scheme=http strategy=reuse}, the mode in brackets after the name when it is not sample mode. compare's
   * {@code --gate} is matched against it.
   */
  public String label() {
    String name = name();
    String ps = paramsLabel();
    return ps.isEmpty() ? name : name + " " + ps;
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

  /** True for rows whose slower verdict fails the build: a gated row, slower. */
  public boolean fails() {
    return gated && verdict == Verdict.SLOWER;
  }

  /** The change in percent, (ratio - 1) * 100. */
  public double changePercent() {
    return (ratio - 1) * 100;
  }

  /** True in sample mode, where the center is a p50 and the tail a p99. */
  public boolean sampled() {
    return p99() || !Double.isNaN(baselineTail) || !Double.isNaN(candidateTail);
  }

  /** {@code client=okhttp scheme=http}: the parameters in name order. */
  public String paramsLabel() {
    return new Key(benchmark, mode, new java.util.TreeMap<>(params)).paramsLabel();
  }
}
