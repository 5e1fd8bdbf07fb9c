package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad --url, --pair and --header input stops the launcher before any fork, in one line, never echoing a header value. */
class AnyUrlOptionsTest {
  private static final String SECRET = "s3cr3t-value";
  /** A listening loopback port, so that reachability is not what fails. */
  private static ServerSocket listening;
  private static String url;

  @TempDir
  Path tmp;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedErr;

  @BeforeAll
  static void listen() throws IOException {
    listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    url = "http://127.0.0.1:" + listening.getLocalPort() + "/x";
  }

  @AfterAll
  static void close() throws IOException {
    listening.close();
  }

  @BeforeEach
  void captureErr() {
    savedErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreErr() {
    System.setErr(savedErr);
  }

  static Stream<Arguments> bad() {
    return Stream.of(
        Arguments.of(List.of("--url", "http://exa mple.com/"), "not a URL"),
        Arguments.of(List.of("--url", "ftp://127.0.0.1/file"), "scheme ftp is not supported: give an http:// or https:// URL"),
        Arguments.of(List.of("--url", "http:///path"), "no host"),
        Arguments.of(List.of("--url", "https://user:" + SECRET + "@127.0.0.1/"), "use --header 'Authorization: ...'"),
        Arguments.of(List.of("--url", "a=URL", "--url", "a=URL"), "two URLs are labelled 'a'"),
        Arguments.of(List.of("--url", "URL", "--url", "URL"), "two URLs are labelled '127.0.0.1'"),
        Arguments.of(List.of("--url", "builtin=URL"), "'builtin' names the built-in paths"),
        Arguments.of(List.of("--url", "b@d=URL"), "a name is 1 to 64 of A-Z a-z 0-9 . _ -"),
        Arguments.of(List.of("--url", "URL", "--header", "X-Token " + SECRET), "--header #1 is malformed: give 'Name: value'"),
        Arguments.of(List.of("--url", "URL", "--header", "Accept-Encoding: gzip"), "--header Accept-Encoding: netcalls sets this header"),
        Arguments.of(List.of("--url", "URL", "--target", "URL"), "--url names the whole URL, --target only a base"),
        Arguments.of(List.of("--pair", "URL"), "--pair takes exactly two URLs"),
        Arguments.of(List.of("--pair", "URL", "URL", "URL"), "--pair takes exactly two URLs"),
        Arguments.of(List.of("--pair", "a=URL", "b=https://127.0.0.1:1/"), "give two URLs of one scheme"),
        Arguments.of(List.of("--pair", "a=URL", "b=URL", "--url", "URL"), "--url and --pair run different benchmarks"),
        Arguments.of(List.of("--url", "URL", "-p", "size=10"), "-p size does not apply with --url"),
        Arguments.of(List.of("--url", "URL", "-p", "scheme=http"), "-p scheme does not apply with --url"),
        Arguments.of(List.of("--pair", "a=URL", "b=URL", "-p", "delays=5,10"), "-p delays does not apply with --pair"),
        Arguments.of(List.of("-p", "endpoint=x"), "-p endpoint is set by the launcher"),
        Arguments.of(List.of("--url", "URL", "PairedLatency"), "--url runs RequestLatency only"),
        Arguments.of(List.of("--pair", "a=URL", "b=URL", "RequestLatency"), "--pair runs PairedLatency only"),
        Arguments.of(List.of("--url", "dead=http://127.0.0.1:1/"), "--url dead=http://127.0.0.1:1 is unreachable"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("bad")
  void isRefusedInOneLineBeforeAnyFork(List<String> given, String message) {
    List<String> args = new java.util.ArrayList<>(List.of("--results", tmp.toString(), "--no-export"));
    given.forEach(a -> args.add(a.replace("URL", url)));
    assertThat(Main.run(args.toArray(new String[0]))).isEqualTo(2);
    String stderr = err.toString(StandardCharsets.UTF_8);
    assertThat(stderr).contains(message).doesNotContain(SECRET);
    assertThat(stderr.strip().lines()).hasSize(1);
    assertThat(tmp).isEmptyDirectory();
  }

  @Test
  void runJsonKeepsNoUrlPathQueryOrHeaderValue() {
    assertThat(LaunchOptions.redacted(new String[] {"--url", "py=https://www.python.org/x?key=" + SECRET,
        "--header", "Authorization: Bearer " + SECRET, "--pair", "https://a.example/p?q=1", "b=https://b.example:8443/", "-f", "1"}))
        .containsExactly("--url", "py=https://www.python.org:443", "--header", "Authorization: <redacted>",
            "--pair", "a.example=https://a.example:443", "b=https://b.example:8443", "-f", "1");
  }
}
