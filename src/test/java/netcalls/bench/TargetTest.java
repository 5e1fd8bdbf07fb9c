package netcalls.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netcalls.client.Request;
import netcalls.run.ForkProperties;
import netcalls.run.UserRequests;
import netcalls.run.UserRequests.Header;
import org.junit.jupiter.api.Test;

/** What a fork makes of the launcher's URLs and headers. */
class TargetTest {
  private static final List<Header> HEADERS = List.of(new Header("X-Token", "v"));

  private static Path write(UserRequests r) throws Exception {
    return r.writePrivate();
  }

  @Test
  void headersAloneGoWithTheBuiltInPaths() throws Exception {
    Path file = write(new UserRequests(List.of(), List.of(), HEADERS));
    try (Target t = Target.open("http", 1, ForkProperties.defaults().withRequests(file))) {
      assertThat(t.userUrls()).isFalse();
      Request r = t.builtin(0, "/bytes/10");
      assertThat(r.uri().getPath()).isEqualTo("/bytes/10");
      assertThat(r.headers()).isEqualTo(HEADERS);
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void urlsStartNoServerAndRunOnlyUnderTheirScheme() throws Exception {
    Path file = write(new UserRequests(List.of(UserRequests.parseUrl("--url", "a=https://127.0.0.1:9/p?q=1")),
        List.of(), HEADERS));
    try (Target t = Target.open("https", 1, ForkProperties.defaults().withRequests(file))) {
      Request r = t.url("a");
      assertThat(r.uri().toString()).isEqualTo("https://127.0.0.1:9/p?q=1");
      assertThat(r.site().endpoint()).isEqualTo("a");
      assertThat(r.headers()).isEqualTo(HEADERS);
      assertThatThrownBy(() -> t.base(0)).hasMessageContaining("endpoint=builtin cannot run");
      assertThatThrownBy(() -> t.url("b")).hasMessageContaining("no such --url label");
    }
    try (Target t = Target.open("http", 1, ForkProperties.defaults().withRequests(file))) {
      assertThatThrownBy(() -> t.url("a")).hasMessageContaining("endpoint=a is https but scheme=http");
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
