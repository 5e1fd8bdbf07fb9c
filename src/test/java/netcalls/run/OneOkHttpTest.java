package netcalls.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * influxdb-java brings an older OkHttp; the build excludes it, so the OkHttp the benchmarks measure
 * is the one pom.xml pins (the enforcer's banDuplicateClasses fails the build on any overlap).
 */
class OneOkHttpTest {
  @Test
  void theLoadedOkHttpIsThePinnedOne() {
    String pinned = System.getProperty("netcalls.okhttp.version");
    assertThat(pinned).as("surefire passes the pinned version").isNotBlank();
    assertThat(okhttp3.OkHttp.VERSION).isEqualTo(pinned);
  }

  @Test
  void exactlyOneCopyOfOkHttpIsOnTheClassPath() throws Exception {
    List<URL> copies = Collections.list(getClass().getClassLoader().getResources("okhttp3/OkHttpClient.class"));
    assertThat(copies).hasSize(1);
    List<URL> okio = Collections.list(getClass().getClassLoader().getResources("okio/Buffer.class"));
    assertThat(okio).hasSize(1);
  }
}
