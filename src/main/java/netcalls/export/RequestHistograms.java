package netcalls.export;

import java.io.IOException;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.PointDraft;
import netcalls.export.line.SeriesTable;

/**
 * {@code netcalls_request_histogram}: per request series, one point per bucket of {@link
 * HistogramBuckets} with the cumulative count, as Telegraf's histogram aggregator writes it.
 */
final class RequestHistograms {
  private RequestHistograms() {}

  static void write(PointEmitter emitter, SeriesTable series, long timeNs) throws IOException {
    for (SeriesTable.Series s : series.all()) {
      if (s.histogram() == null || s.histogram().getTotalCount() == 0) {
        continue;
      }
      for (long bound : HistogramBuckets.BOUNDS_NS) {
        bucket(emitter, s, HistogramBuckets.le(bound), s.histogram().getCountBetweenValues(0, bound), timeNs);
      }
      bucket(emitter, s, HistogramBuckets.INF, s.histogram().getTotalCount(), timeNs);
    }
  }

  private static void bucket(PointEmitter emitter, SeriesTable.Series s, String le, long count, long timeNs)
      throws IOException {
    PointDraft d = new PointDraft(InfluxMeasurement.REQUEST_HISTOGRAM, "histogram " + s.prefix().trim())
        .tags(s.tags())
        .tag("le", le)
        .value("duration_ns_bucket", count);
    emitter.emit(d, timeNs, false);
  }
}
