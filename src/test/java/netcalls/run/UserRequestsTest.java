package netcalls.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Properties;
import netcalls.run.UserRequests.Header;
import netcalls.run.UserRequests.NamedUrl;
import org.junit.jupiter.api.Test;

class UserRequestsTest {
  @Test
  void aUrlIsLabelledByItsNameElseItsHost() {
    NamedUrl named = UserRequests.parseUrl("--url", "py=https://www.python.org/x?a=b");
    assertThat(named.label()).isEqualTo("py");
    assertThat(named.uri().toString()).isEqualTo("https://www.python.org/x?a=b");
    NamedUrl bare = UserRequests.parseUrl("--url", "https://www.mozilla.org/en?k=v=w");
    assertThat(bare.label()).isEqualTo("www.mozilla.org");
    assertThat(bare.redacted()).isEqualTo("www.mozilla.org=https://www.mozilla.org:443");
    // no path at all is the root
    assertThat(UserRequests.parseUrl("--url", "http://127.0.0.1:8080").uri().getPath()).isEqualTo("/");
  }

  @Test
  void aHeaderKeepsItsValueButNeverPrintsIt() {
    Header h = UserRequests.parseHeader(1, "Authorization:  Bearer abc:def ");
    assertThat(h.name()).isEqualTo("Authorization");
    assertThat(h.value()).isEqualTo("Bearer abc:def");
    assertThat(h.toString()).isEqualTo("Authorization: <redacted>");
  }

  /** What the launcher writes a fork reads back whole, from a file only its owner can read. */
  @Test
  void theRequestsFileRoundTripsThroughForkProperties() throws Exception {
    UserRequests given = new UserRequests(
        List.of(UserRequests.parseUrl("--url", "a=http://127.0.0.1:1/p?q=1"), UserRequests.parseUrl("--url", "https://h.example/")),
        List.of(), List.of(new Header("X-Token", "t=1"), new Header("X-Two", "")));
    Path file = given.writePrivate();
    try {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
      Properties p = new Properties();
      p.setProperty(ForkProperties.REQUESTS, file.toString());
      ForkProperties fork = ForkProperties.from(p);
      assertThat(fork.requests()).isEqualTo(file);
      assertThat(fork.userRequests()).isEqualTo(given);
      assertThat(fork.jvmArgs()).contains("-D" + ForkProperties.REQUESTS + "=" + file.toAbsolutePath())
          .noneMatch(a -> a.contains("t=1") || a.contains("q=1"));
    } finally {
      Files.deleteIfExists(file);
    }
    assertThat(ForkProperties.defaults().userRequests().isEmpty()).isTrue();
  }

  /** A run in the launcher's JVM (-f 0) leaves no property behind, such as a deleted requests file's path. */
  @Test
  void applyingToThisJvmIsUndone() {
    System.setProperty(ForkProperties.SAMPLES_CAP, "7");
    try {
      Runnable restore = ForkProperties.defaults().withSamplesCap(5).withRequests(Path.of("/tmp/gone")).applyToThisJvm();
      assertThat(System.getProperty(ForkProperties.REQUESTS)).isEqualTo("/tmp/gone");
      assertThat(System.getProperty(ForkProperties.SAMPLES_CAP)).isEqualTo("5");
      restore.run();
      assertThat(System.getProperty(ForkProperties.REQUESTS)).isNull();
      assertThat(System.getProperty(ForkProperties.SAMPLES_CAP)).isEqualTo("7");
    } finally {
      System.clearProperty(ForkProperties.SAMPLES_CAP);
    }
  }
}
