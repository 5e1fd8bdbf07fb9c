package netcalls.export.line;

/**
 * The InfluxDB measurements the exporter writes (see docs/SCHEMA.md). Each has a key field that every emitted
 * point carries, so {@code SELECT count(key)} counts points when the export is verified.
 */
public enum InfluxMeasurement {
  JMH("netcalls_jmh", "sample_count"),
  JMH_SECONDARY("netcalls_jmh_secondary", "sample_count"),
  REQUEST("netcalls_request", "duration_ns"),
  PAIR("netcalls_pair", "duration_ns"),
  REQUEST_EXCEPTION("netcalls_request_exception", "count"),
  REQUEST_HISTOGRAM("netcalls_request_histogram", "duration_ns_bucket"),
  PHASE("netcalls_phase", "count"),
  RUN("netcalls_run", "start"),
  COMPARE("netcalls_compare", "n_base"),
  COMPARE_RUN("netcalls_compare_run", "runs"),
  OPENLOOP("netcalls_openloop", "scheduled");

  private final String measurementName;
  private final String keyField;

  InfluxMeasurement(String measurementName, String keyField) {
    this.measurementName = measurementName;
    this.keyField = keyField;
  }

  public String measurementName() {
    return measurementName;
  }

  public String keyField() {
    return keyField;
  }

  public static InfluxMeasurement byName(String name) {
    for (InfluxMeasurement m : values()) {
      if (m.measurementName.equals(name)) {
        return m;
      }
    }
    return null;
  }
}
