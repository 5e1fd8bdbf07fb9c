package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import netcalls.client.ClientKind;
import netcalls.testing.Combos;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input stops the launcher before any fork, with a message that says what to do. */
class LauncherErrorsTest {
  @TempDir
  Path tmp;

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedErr;

  @BeforeEach
  void captureErr() {
    savedErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreErr() {
    System.setErr(savedErr);
  }

  private int run(String... args) {
    return Main.run(args);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aBadParameterValueIsNamed() {
    assertThat(run("--results", tmp.toString(), "-p", "client=curl", "RequestLatency")).isEqualTo(2);
    assertThat(stderr()).contains("unknown client 'curl': use one of " + Arrays.toString(ClientKind.values()));
  }

  @Test
  void aBadSchemeIsNamed() {
    assertThat(run("--results", tmp.toString(), "-p", "scheme=ftp", "RequestLatency")).isEqualTo(2);
    assertThat(stderr()).contains("-p scheme=ftp: use one of [http, https]");
  }

  @Test
  void anUnreachableTargetIsNamed() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    assertThat(run("--results", tmp.toString(), "--target", "http://127.0.0.1:" + port, "RequestLatency")).isEqualTo(2);
    assertThat(stderr()).contains("--target http://127.0.0.1:" + port + " is unreachable");
  }

  @Test
  void anUnwritableResultsFolderIsNamed() throws IOException {
    Path file = Files.writeString(tmp.resolve("plain-file"), "x");
    assertThat(run("--results", file.resolve("sub").toString(), "RequestLatency")).isEqualTo(2);
    assertThat(stderr()).contains("cannot write the results folder").contains("--results DIR");
  }

  @Test
  void onlyUnsupportedCombinationsIsAnError() {
    String[] u = anUnsupportedCombination();
    assertThat(run("--results", tmp.toString(), "-p", "client=" + u[0], "-p", "strategy=" + u[1], "RequestLatency"))
        .isEqualTo(2);
    assertThat(stderr()).contains("every selected combination is unsupported");
  }

  @Test
  void anExistingRunFolderIsNotMixedInto() throws IOException {
    Files.createDirectories(tmp.resolve("r1/samples"));
    assertThat(run("--results", tmp.toString(), "--run-id", "r1", "RequestLatency")).isEqualTo(2);
    assertThat(stderr()).contains("already exists: choose another --run-id");
  }

  /** Issue 20 item 4: a folder with an older run.json and jmh.json but no samples/ was overwritten. */
  @Test
  void anExistingRunFolderWithoutSamplesIsRefusedAndKeptWhole() throws IOException {
    Path old = Files.createDirectories(tmp.resolve("r2"));
    Files.writeString(old.resolve("run.json"), "{\"runId\":\"r2\"}");
    Files.writeString(old.resolve("jmh.json"), "[]");
    assertThat(run("--results", tmp.toString(), "--run-id", "r2", "RequestLatency")).isEqualTo(2);
    assertThat(stderr().lines().findFirst().orElseThrow()).startsWith("netcalls: the run folder ")
        .contains("already exists", "--replace");
    assertThat(old.resolve("run.json")).hasContent("{\"runId\":\"r2\"}");
    assertThat(old.resolve("jmh.json")).hasContent("[]");
  }

  @Test
  void replaceDeletesAnOldRunButNeverAFolderThatHoldsNoRun() throws IOException {
    Path other = Files.createDirectories(tmp.resolve("src"));
    Files.writeString(other.resolve("Main.java"), "x");
    assertThat(run("--results", tmp.toString(), "--run-id", "src", "--replace", "RequestLatency")).isEqualTo(2);
    assertThat(stderr()).contains("holds no run").contains("not deleted");
    assertThat(other.resolve("Main.java")).exists();

    Path old = Files.createDirectories(tmp.resolve("r3/samples"));
    Files.writeString(old.resolve("a.csv"), "x");
    ExistingRun.delete(netcalls.run.RunFolder.of(tmp.resolve("r3")));
    assertThat(tmp.resolve("r3")).doesNotExist();
  }

  /** Issue 20 item 18: compare separates runs with commas, so a run id with one could never be compared. */
  @Test
  void aRunIdWithACommaIsRefused() {
    assertThat(run("--results", tmp.toString(), "--run-id", "a,b", "RequestLatency")).isEqualTo(2);
    assertThat(stderr().lines().findFirst().orElseThrow()).startsWith("netcalls: --run-id 'a,b': a run id cannot hold"
        + " a comma");
    assertThat(tmp.resolve("a,b")).doesNotExist();
  }

  /** Issue 20 item 8: --target kept user:password in run.json, jmh.json, the log, points.lp and report.html. */
  @Test
  void credentialsInAnyUrlOptionAreRefusedAndNeverPrinted() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = s.getLocalPort();
      String[][] cases = {
          {"--target", "http://user:s3cret@127.0.0.1:" + port, "-p", "scheme=https"},
          {"--target", "http://user:s3cret@127.0.0.1:" + port},
          {"--influx", "http://user:s3cret@127.0.0.1:" + port},
          {"--live", "tcp://user:s3cret@127.0.0.1:" + port}};
      for (String[] c : cases) {
        err.reset();
        String[] args = new String[c.length + 5];
        System.arraycopy(new String[] {"--results", tmp.toString(), "--run-id", "cred"}, 0, args, 0, 4);
        System.arraycopy(c, 0, args, 4, c.length);
        args[args.length - 1] = "RequestLatency";
        assertThat(run(args)).as(String.join(" ", c)).isEqualTo(2);
        assertThat(stderr().lines().findFirst().orElseThrow()).startsWith("netcalls: " + c[0] + " "
            + c[1].replace("user:s3cret@", "") + ": a user name or password in the URL would be stored and printed");
        assertThat(stderr()).doesNotContain("s3cret").doesNotContain("user:s3cret");
        assertThat(tmp.resolve("cred")).doesNotExist();
      }
    }
  }

  /** Issue 20 item 13: an unknown -p name was ignored (every strategy ran), a bad number failed inside the fork. */
  @Test
  void anUnknownParameterNameOrANonNumberIsRefusedBeforeAnyFork() {
    assertThat(run("--results", tmp.toString(), "--run-id", "p1", "-p", "stratgey=new_client", "RequestLatency"))
        .isEqualTo(2);
    assertThat(stderr().lines().findFirst().orElseThrow()).startsWith("netcalls: -p stratgey: no chosen benchmark has"
        + " this parameter (did you mean strategy?); they have [").contains("client", "strategy", "size");
    err.reset();
    assertThat(run("--results", tmp.toString(), "--run-id", "p2", "-p", "size=abc", "RequestLatency")).isEqualTo(2);
    assertThat(stderr().lines().findFirst().orElseThrow()).startsWith("netcalls: -p size=abc: give a number");
    assertThat(tmp.resolve("p1")).doesNotExist();
    assertThat(tmp.resolve("p2")).doesNotExist();
  }

  @Test
  void nothingIsLeftBehindWhenNothingCanRun() throws IOException {
    String[] u = anUnsupportedCombination();
    run("--results", tmp.toString(), "--run-id", "none", "-p", "client=" + u[0], "-p", "strategy=" + u[1], "RequestLatency");
    assertThat(tmp.resolve("none")).doesNotExist();
  }

  @Test
  void anUnknownJmhOptionIsReported() {
    assertThat(run("-nosuchoption")).isEqualTo(2);
    assertThat(stderr()).contains("-h");
  }

  @Test
  void aSchemeThatAgreesWithTheTargetIsAccepted() throws IOException {
    String[] u = anUnsupportedCombination();
    try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      String target = "http://127.0.0.1:" + s.getLocalPort();
      // an unsupported combination stops the run right after the scheme check, before any fork
      assertThat(run("--results", tmp.toString(), "--target", target, "-p", "scheme=http",
          "-p", "client=" + u[0], "-p", "strategy=" + u[1], "RequestLatency")).isEqualTo(2);
      assertThat(stderr()).doesNotContain("-p scheme").contains("every selected combination is unsupported");
      assertThat(run("--results", tmp.toString(), "--target", target, "-p", "scheme=https", "RequestLatency"))
          .isEqualTo(2);
      assertThat(stderr()).contains("is http but -p scheme=https was given");
    }
  }

  @Test
  void badUrlsAndNumbersAreRefusedBeforeAnyWork() {
    for (String url : new String[] {"http://", "http://127.0.0.1:99999", "http://[::1", "http://a b", "ftp://x"}) {
      assertThat(run("--results", tmp.toString(), "--influx", url, "RequestLatency")).as(url).isEqualTo(2);
      assertThat(stderr()).contains("--influx " + url);
    }
    for (String url : new String[] {"http://127.0.0.1:8094", "udp://127.0.0.1", "udp://127.0.0.1:99999"}) {
      assertThat(run("--results", tmp.toString(), "--live", url, "RequestLatency")).as(url).isEqualTo(2);
      assertThat(stderr()).contains("--live " + url);
    }
    assertThat(run("--results", tmp.toString(), "--server-delay-us", "-5", "RequestLatency")).isEqualTo(2);
    assertThat(stderr()).contains("--server-delay-us -5: give a whole number");
    assertThat(run("--results", tmp.toString(), "--server-delay-only", "client=okhttp", "RequestLatency")).isEqualTo(2);
    assertThat(stderr()).contains("--server-delay-only needs --server-delay-us N: the delay it narrows");
    assertThat(run("--results", tmp.toString(), "--server-delay-us", "5", "--server-delay-only", "okhttp", "RequestLatency"))
        .isEqualTo(2);
    assertThat(stderr()).contains("--server-delay-only okhttp: give k=v pairs of -p parameters, e.g. client=okhttp,strategy=reuse");
    assertThat(run("--results", tmp.toString(), "--run-id", "a/b", "RequestLatency")).isEqualTo(2);
    assertThat(stderr()).contains("--run-id 'a/b'");
    assertThat(tmp).isEmptyDirectory();
  }

  /** A client and a strategy it cannot do, from the enums (today the JDK client's shared_pool). */
  static String[] anUnsupportedCombination() {
    return Combos.refusedStrategies().findFirst()
        .map(a -> new String[] {a.get()[0].toString(), a.get()[1].toString()})
        .orElseThrow(() -> new AssertionError("every client supports every strategy: these tests need another unsupported case"));
  }
}
