package netcalls.export.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.influxdb.InfluxDBException;
import org.junit.jupiter.api.Test;

class TargetsTest {
  @Test
  void credentialsComeFromTheEnvironmentAndThePasswordIsNeverPrinted() {
    InfluxTarget t = InfluxTarget.of("http://127.0.0.1:8086", "netcalls",
        Map.of("INFLUX_USER", "bench", "INFLUX_PASSWORD", "s3cret!"));
    assertThat(t.user()).isEqualTo("bench");
    assertThat(t.password()).isEqualTo("s3cret!");
    assertThat(t.toString()).contains("bench", "netcalls").doesNotContain("s3cret!");
    assertThat(new Delivery(t.toString()).summary()).doesNotContain("s3cret!");
  }

  @Test
  void noCredentialsWhenTheEnvironmentHasNone() {
    InfluxTarget t = InfluxTarget.of("http://127.0.0.1:8086", "netcalls", Map.of("INFLUX_USER", " "));
    assertThat(t.user()).isNull();
    assertThat(t.password()).isNull();
  }

  @Test
  void influxUrlMustBeHttp() {
    assertThatThrownBy(() -> InfluxTarget.of("127.0.0.1:8086", "netcalls", Map.of()))
        .hasMessageContaining("http://");
  }

  @Test
  void telegrafTargetsParseUdpAndTcpOnly() {
    assertThat(TelegrafTarget.parse(TelegrafTarget.DEFAULT)).extracting(TelegrafTarget::protocol,
        TelegrafTarget::host, TelegrafTarget::port).containsExactly("udp", "127.0.0.1", 8094);
    assertThat(TelegrafTarget.parse("tcp://localhost:9000").toString()).isEqualTo("tcp://localhost:9000");
    assertThatThrownBy(() -> TelegrafTarget.parse("http://localhost:9000")).hasMessageContaining("udp://");
    assertThatThrownBy(() -> TelegrafTarget.parse("udp://localhost")).hasMessageContaining("udp://127.0.0.1:8094");
  }

  @Test
  void influxErrorsAreSortedIntoBadDataTooLargeAndRetry() {
    assertThat(InfluxSink.classify(new InfluxDBException("partial write: unable to parse 'x': dropped=0")))
        .hasToString("BAD_DATA");
    assertThat(InfluxSink.classify(new InfluxDBException("partial write: field type conflict: dropped=1")))
        .hasToString("BAD_DATA");
    assertThat(InfluxSink.classify(new InfluxDBException("Request Entity Too Large"))).hasToString("TOO_LARGE");
    assertThat(InfluxSink.classify(new InfluxDBException("database not found: \"x\""))).hasToString("NO_DATABASE");
    assertThat(InfluxSink.classify(new InfluxDBException("authorization failed"))).hasToString("AUTH");
    assertThat(InfluxSink.classify(new InfluxDBException("java.net.ConnectException: refused"))).hasToString("RETRY");
  }
}
