package netcalls.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The server delay narrowed to one row: which trials get it, and that a fork reads it back. */
class ForkPropertiesTest {
  private static final Map<String, String> OKHTTP_REUSE = Map.of("client", "okhttp", "strategy", "reuse", "scheme", "http");
  private static final Map<String, String> JDK_REUSE = Map.of("client", "jdk", "strategy", "reuse", "scheme", "http");

  @Test
  void theDelayReachesOnlyTheTrialsWhoseParametersMatch() {
    ForkProperties all = ForkProperties.defaults().withServerDelayMicros(7);
    assertThat(all.serverDelayMicrosFor(OKHTTP_REUSE)).isEqualTo(7);
    assertThat(all.serverDelayMicrosFor(JDK_REUSE)).isEqualTo(7);

    ForkProperties one = all.withServerDelayOnly("client=okhttp, strategy=reuse");
    assertThat(one.serverDelayMicrosFor(OKHTTP_REUSE)).isEqualTo(7);
    assertThat(one.serverDelayMicrosFor(JDK_REUSE)).isZero();
    assertThat(one.serverDelayMicrosFor(Map.of("client", "okhttp"))).as("a parameter the trial lacks").isZero();
  }

  @Test
  void aForkReadsTheNarrowedDelayBack() {
    ForkProperties one = ForkProperties.defaults().withServerDelayMicros(7).withServerDelayOnly("client=okhttp");
    Properties p = new Properties();
    p.putAll(one.asMap());

    ForkProperties fork = ForkProperties.from(p);

    assertThat(fork.serverDelayOnly()).isEqualTo("client=okhttp");
    assertThat(fork.serverDelayMicrosFor(OKHTTP_REUSE)).isEqualTo(7);
    assertThat(fork.serverDelayMicrosFor(JDK_REUSE)).isZero();
    assertThat(ForkProperties.defaults().asMap()).doesNotContainKey(ForkProperties.SERVER_DELAY_ONLY);
  }

  @Test
  void pairsWithoutAKeyAreRefused() {
    assertThatThrownBy(() -> ForkProperties.defaults().withServerDelayOnly("okhttp"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("netcalls.server.delay.only=okhttp: give k=v pairs of parameters, e.g. client=okhttp,strategy=reuse");
  }
}
