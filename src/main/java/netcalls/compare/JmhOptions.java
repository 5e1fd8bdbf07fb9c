package netcalls.compare;

/**
 * The JMH options two runs must share to be compared (fork counts may differ): warmup and measurement
 * iterations, their times and batch sizes, and threads, as jmh.json records them per result.
 */
record JmhOptions(Long warmupIterations, String warmupTime, Long warmupBatchSize, Long measurementIterations,
    String measurementTime, Long measurementBatchSize, Long threads) {

  /** As JMH's command line would say it, e.g. {@code -wi 2 -w 1 s -i 3 -r 1 s -t 1}. */
  String describe() {
    StringBuilder s = new StringBuilder();
    s.append("-wi ").append(warmupIterations).append(" -w ").append(warmupTime)
        .append(" -i ").append(measurementIterations).append(" -r ").append(measurementTime)
        .append(" -t ").append(threads);
    if (!Long.valueOf(1).equals(warmupBatchSize) || !Long.valueOf(1).equals(measurementBatchSize)) {
      s.append(" -wbs ").append(warmupBatchSize).append(" -bs ").append(measurementBatchSize);
    }
    return s.toString();
  }
}
