package netcalls.export.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
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
  void everyMalformedUrlIsAUsageErrorBeforeAnyWork() {
    for (String bad : new String[] {"http://", "http://127.0.0.1:99999", "http://[::1", "http://127.0.0.1 :8086",
        "http://local host:8086", "https://:8086"}) {
      assertThatThrownBy(() -> InfluxTarget.of(bad, "netcalls", Map.of())).as(bad)
          .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://127.0.0.1:8086");
    }
    assertThat(InfluxTarget.of("http://[::1]:8086/", "netcalls", Map.of()).url()).isEqualTo("http://[::1]:8086/");
    assertThatThrownBy(() -> TelegrafTarget.parse("udp://127.0.0.1:99999")).hasMessageContaining("port");
    assertThatThrownBy(() -> TelegrafTarget.parse("udp://127.0.0.1:0")).hasMessageContaining("port");
  }

  @Test
  void influxReasonsAreKeptWholeAndEchoedLinesShortened() {
    String line = "netcalls_request,run=r,benchmark=" + "x".repeat(300) + " duration_ns=1i 1";
    String reason = "partial write: unable to parse '" + line + "': time outside range 1 dropped=1";
    String s = InfluxAnswers.shortenEchoes(reason);
    assertThat(s).contains("time outside range", "dropped=1").hasSizeLessThan(200);
    assertThat(InfluxAnswers.dropped(reason)).isEqualTo(1);
    assertThat(InfluxAnswers.dropped("unable to parse")).isEqualTo(-1);
  }

  @Test
  void aReasonThatRefusesEveryLineSaysWhatToDo() {
    assertThat(InfluxAnswers.whatToDo("partial write: max-values-per-tag limit exceeded (3/3): measurement=\"netcalls_run\""
        + " tag=\"run\" value=\"r4\" dropped=1")).contains("tag 'run'", "max-values-per-tag", "influxdb.conf");
    assertThat(InfluxAnswers.whatToDo("partial write: points beyond retention policy dropped=5"))
        .contains("retention policy", "--database");
    assertThat(InfluxAnswers.whatToDo("partial write: field type conflict: input field \"p50\" dropped=2"))
        .contains("another type");
  }
}
