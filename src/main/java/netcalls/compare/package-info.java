/**
 * Run-vs-run comparison: is the candidate slower than the baseline, by how much, how sure, and in which phase.
 *
 * <p>Method. The unit of replication is a JMH fork: forks of the same code differ far more than requests
 * within a fork, so individual request samples would make every difference look significant. Per fork: the
 * p50 and p99 of its merged sample histogram (sample mode), or its mean score (other modes); a side with a
 * single fork gets no verdict. Each row gets a two-sided Mann–Whitney U test (Apache Commons Statistics; exact
 * on mid-ranks with ties, {@link netcalls.compare.Exact}), or, when the sides' runs interleave one for one
 * ({@link netcalls.compare.Rounds}), a one-sided sign-flip test on the rounds' log ratios; a Hodges–Lehmann ratio
 * with its distribution-free interval; and a Benjamini–Hochberg adjusted p across the gated rows
 * ({@link netcalls.compare.Family}). A row is {@code slower}/{@code faster} only when
 * the adjusted p is below alpha and the change reaches the threshold; an inconclusive row whose forks scatter
 * more than the noisy limit (coefficient of variation, 10 % by default) is {@code noisy}, with the forks per
 * side that would detect the threshold (Stats.replicatesNeeded).
 *
 * <p>Choosing alpha, threshold and forks.
 * <ul>
 *   <li>alpha (0.05) is the false-discovery rate across rows. An exact rank test of n against n forks cannot
 *       give p below 2 / C(2n, n): 0.1 for 3, 0.029 for 4, 0.0079 for 5, 0.0022 for 6, 0.00058 for 7. So 4 forks
 *       per side are the minimum for any verdict at 0.05, and a change in one row alone among R compared rows
 *       needs 2 / C(2n, n) below alpha / R: 5 forks for up to 6 rows, 6 for up to 23, 7 for up to 85.
 *   <li>threshold (5 %) is the smallest change worth failing a build for; it must sit above what the forks can
 *       resolve. With fork scatter cv and n forks per side, changes of about 2.8 cv sqrt(2 / (0.95 n)) are
 *       caught 4 times in 5: 5.4 % for cv 3 % and 5 forks, about 15 % for cv 8 %.
 *   <li>forks: raise them before the threshold; a {@code noisy} row says how many it would need.
 * </ul>
 */
package netcalls.compare;
