/**
 * Constant-rate, open-loop load without coordinated omission: a schedule of intended start times
 * computed up front ({@link netcalls.load.Schedule}), a generator that sends at those times through
 * a client's async API ({@link netcalls.load.OpenLoop}), latency from the intended start and from
 * the actual send in HdrHistograms ({@link netcalls.load.LoadOutcome}), and the run folder's
 * {@code openloop/} files ({@link netcalls.load.LoadReport}). Depends on nothing of the benchmarks;
 * {@code netcalls.bench.OpenLoopLatency} drives it under JMH. See docs/OPENLOOP.md.
 */
package netcalls.load;
