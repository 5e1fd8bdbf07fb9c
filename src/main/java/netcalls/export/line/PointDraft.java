package netcalls.export.line;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * A point being built for {@link Point}: tag values pass through {@link LineProtocol#tagValue},
 * non-finite numbers are left out and listed for the report (Point would drop them silently), and the point knows
 * whether any measured value is left.
 */
public final class PointDraft {
  private final InfluxMeasurement measurement;
  private final String where;
  private final TreeMap<String, String> tags = new TreeMap<>();
  private final Map<String, Object> fields = new TreeMap<>();
  private int values;
  private final java.util.List<String> skipped = new java.util.ArrayList<>();

  public PointDraft(InfluxMeasurement measurement, String where) {
    this.measurement = measurement;
    this.where = where;
  }

  public InfluxMeasurement measurement() {
    return measurement;
  }

  public String where() {
    return where;
  }

  public PointDraft tag(String key, String value) {
    tags.put(LineProtocol.tagValue(key), LineProtocol.tagValue(value));
    return this;
  }

  public PointDraft tags(Map<String, String> more) {
    more.forEach(this::tag);
    return this;
  }

  /** A measured value: counts toward "this point has something to say". */
  public PointDraft value(String name, double v) {
    if (Double.isFinite(v)) {
      fields.put(name, v);
      values++;
    } else {
      skipped.add(name + "=" + v);
    }
    return this;
  }

  public PointDraft value(String name, long v) {
    fields.put(name, v);
    values++;
    return this;
  }

  /** A descriptive field (a count, a unit, a name). */
  public PointDraft field(String name, long v) {
    fields.put(name, v);
    return this;
  }

  public PointDraft field(String name, boolean v) {
    fields.put(name, v);
    return this;
  }

  public PointDraft field(String name, String v) {
    if (v != null) {
      fields.put(name, LineProtocol.oneLine(v));
    }
    return this;
  }

  /** Non-finite values left out, as "name=NaN". */
  public java.util.List<String> skipped() {
    return skipped;
  }

  public boolean hasValue() {
    return values > 0;
  }

  public boolean hasField(String name) {
    return fields.containsKey(name);
  }

  /** InfluxMeasurement and tags: what InfluxDB calls the series. */
  public String seriesKey() {
    return measurement.measurementName() + tags;
  }

  public Point toPoint(long timeNs) {
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
