package netcalls.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import netcalls.client.Request;
import netcalls.run.ForkProperties;
import org.junit.jupiter.api.Test;

/** The target name samples carry stays the same across runs, though the built-in servers' ports do not. */
class TargetLabelTest {
  private static ForkProperties external(String url) {
    return new ForkProperties(Path.of("results", "adhoc"), url, null, 10, null, 0, null, 0, null);
  }

  @Test
  void builtInServersAreNamedBySchemeNotByTheirEphemeralPorts() throws Exception {
    try (Target first = Target.open("http", 2, ForkProperties.defaults());
        Target second = Target.open("https", 1, ForkProperties.defaults())) {
      assertThat(first.base(0).getPort()).isNotEqualTo(first.base(1).getPort());
      assertThat(first.label()).isEqualTo("builtin-http");
      assertThat(second.label()).isEqualTo("builtin-https");
      Request a = Request.get(first.base(0), first.label(), "/delay/5");
      Request b = Request.get(first.base(1), first.label(), "/delay/10");
      assertThat(a.site().target()).isEqualTo(b.site().target()).isEqualTo("builtin-http");
      assertThat(a.uri().getPort()).isEqualTo(first.base(0).getPort()); // the request still goes to its own server
      assertThat(a.site().endpoint()).isEqualTo("delay");
    }
  }

  @Test
  void anExternalTargetIsNamedByHostAndPort() throws Exception {
    try (Target t = Target.open("https", 1, external("https://example.test/base/"));
        Target u = Target.open("http", 1, external("http://127.0.0.1:8080"))) {
      assertThat(t.label()).isEqualTo("example.test:443");
      assertThat(u.label()).isEqualTo("127.0.0.1:8080");
    }
  }
}
