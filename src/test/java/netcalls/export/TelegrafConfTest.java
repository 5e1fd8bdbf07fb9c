package netcalls.export;

import netcalls.export.line.*;
import netcalls.read.*;
import netcalls.export.sink.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlTable;

/** telegraf.conf at the repository root parses as TOML and agrees with the exporter's defaults. */
class TelegrafConfTest {
  private static TomlParseResult conf;

  @BeforeAll
  static void parse() throws Exception {
    conf = Toml.parse(Path.of("telegraf.conf"));
  }

  @Test
  void parsesWithoutErrors() {
    assertThat(conf.errors()).isEmpty();
  }

  @Test
  void socketListenerIsTheExportersDefaultTarget() {
    TomlTable listener = conf.getArray("inputs.socket_listener").getTable(0);
    assertThat(listener.getString("service_address")).isEqualTo(TelegrafTarget.DEFAULT);
    assertThat(listener.getString("data_format")).isEqualTo("influx");
    TelegrafTarget t = TelegrafTarget.parse(listener.getString("service_address"));
    assertThat(t.protocol()).isEqualTo("udp");
  }

  /** The second listener takes TCP, for senders that must not lose lines (live mode, --telegraf tcp://). */
  @Test
  void aTcpListenerTakesTheSameFormat() {
    TomlTable listener = conf.getArray("inputs.socket_listener").getTable(1);
    TelegrafTarget t = TelegrafTarget.parse(listener.getString("service_address"));
    assertThat(t.protocol()).isEqualTo("tcp");
    assertThat(t.host()).isEqualTo("127.0.0.1");
    assertThat(listener.getString("data_format")).isEqualTo("influx");
  }

  @Test
  void outputDatabaseIsTheExportersDefaultDatabase() {
    assertThat(conf.getArray("outputs.influxdb").getTable(0).getString("database"))
        .isEqualTo(InfluxTarget.DEFAULT_DATABASE);
  }

  @Test
  void histogramAggregatorUsesTheExportersMeasurementFieldAndBuckets() {
    TomlTable h = conf.getArray("aggregators.histogram").getTable(0);
    assertThat(h.getString("period")).isNotBlank();
    assertThat(h.getBoolean("cumulative")).isTrue();
    String in = h.getArray("namepass").getString(0);
    assertThat(in).isEqualTo(InfluxMeasurement.REQUEST.measurementName());
    assertThat(in + h.getString("name_suffix")).isEqualTo(InfluxMeasurement.REQUEST_HISTOGRAM.measurementName());
    TomlTable c = h.getArray("config").getTable(0);
    assertThat(c.getString("measurement_name")).isEqualTo(InfluxMeasurement.REQUEST.measurementName());
    String field = c.getArray("fields").getString(0);
    assertThat(field + "_bucket").isEqualTo(InfluxMeasurement.REQUEST_HISTOGRAM.keyField());
    TomlArray buckets = c.getArray("buckets");
    List<Long> bounds = new ArrayList<>();
    for (int i = 0; i < buckets.size(); i++) {
      bounds.add((long) buckets.getDouble(i));
    }
    assertThat(bounds).containsExactly(java.util.Arrays.stream(HistogramBuckets.BOUNDS_NS).boxed().toArray(Long[]::new));
  }
}
