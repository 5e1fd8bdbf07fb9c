package netcalls.export;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * A point being built for {@link Point}: tag values pass through {@link LineProtocol#tagValue},
 * non-finite numbers are left out and listed for the report (Point would drop them silently), and the point knows
 * whether any measured value is left.
 */
final class PointDraft {
  private final Measurement measurement;
  private final String where;
  private final ExportReport report;
  private final TreeMap<String, String> tags = new TreeMap<>();
  private final Map<String, Object> fields = new TreeMap<>();
  private int values;
  private final java.util.List<String> skipped = new java.util.ArrayList<>();

  PointDraft(Measurement measurement, String where, ExportReport report) {
    this.measurement = measurement;
    this.where = where;
    this.report = report;
  }

  Measurement measurement() {
    return measurement;
  }

  String where() {
    return where;
  }

  PointDraft tag(String key, String value) {
    tags.put(LineProtocol.tagValue(key), LineProtocol.tagValue(value));
    return this;
  }

  PointDraft tags(Map<String, String> more) {
    more.forEach(this::tag);
    return this;
  }

  /** A measured value: counts toward "this point has something to say". */
  PointDraft value(String name, double v) {
    if (Double.isFinite(v)) {
      fields.put(name, v);
      values++;
    } else {
      skipped.add(name + "=" + v);
    }
    return this;
  }

  PointDraft value(String name, long v) {
    fields.put(name, v);
    values++;
    return this;
  }

  /** A descriptive field (a count, a unit, a name). */
  PointDraft field(String name, long v) {
    fields.put(name, v);
    return this;
  }

  PointDraft field(String name, String v) {
    if (v != null) {
      fields.put(name, LineProtocol.oneLine(v));
    }
    return this;
  }

  /** Non-finite values left out, as "name=NaN". */
  java.util.List<String> skipped() {
    return skipped;
  }

  boolean hasValue() {
    return values > 0;
  }

  boolean hasField(String name) {
    return fields.containsKey(name);
  }

  /** Measurement and tags: what InfluxDB calls the series. */
  String seriesKey() {
    return measurement.measurementName() + tags;
  }

  Point toPoint(long timeNs) {
    Point.Builder b = Point.measurement(measurement.measurementName()).time(timeNs, TimeUnit.NANOSECONDS);
    tags.forEach(b::tag);
    fields.forEach((k, v) -> {
      if (v instanceof Double d) {
        b.addField(k, d.doubleValue());
      } else if (v instanceof Long l) {
        b.addField(k, l.longValue());
      } else if (v instanceof Boolean z) {
        b.addField(k, z.booleanValue());
      } else {
        b.addField(k, (String) v);
      }
    });
    return b.build();
  }
}
