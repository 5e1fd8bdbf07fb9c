package netcalls.export;

import java.time.Duration;
import java.time.Instant;
import netcalls.read.Json;
import netcalls.read.RunInfo;

/**
 * The times a run's points may have: from its start to its end (run.json) with an hour's margin for clocks
 * and for JMH's results after the last sample. Without both, from 2001 to a day from now: that still refuses
 * a {@code start_ns} written in milliseconds or microseconds (it lands in 1970), and every time inside the
 * window can be nudged by a nanosecond without overflow.
 */
record TimeWindow(long fromNs, long toNs, String why) {
  static final Duration MARGIN = Duration.ofHours(1);
  /** 2001-09-09, the first instant with 19 digits of nanoseconds. */
  static final long EARLIEST = 1_000_000_000_000_000_000L;

  static TimeWindow of(RunInfo run, Instant now) {
    if (run.start() != null && run.end() != null && !run.end().isBefore(run.start())) {
      return new TimeWindow(Json.epochNanos(run.start().minus(MARGIN)), Json.epochNanos(run.end().plus(MARGIN)),
          "the run's start and end in run.json, give or take " + MARGIN.toHours() + " h");
    }
    return new TimeWindow(EARLIEST, Json.epochNanos(now.plus(Duration.ofDays(1))),
        "2001-09-09 to tomorrow (run.json gives no start and end)");
  }

  boolean contains(long ns) {
    return ns >= fromNs && ns <= toNs;
  }

  String describe() {
    return Instant.ofEpochSecond(0, fromNs) + " .. " + Instant.ofEpochSecond(0, toNs) + " (" + why + ")";
  }
}
