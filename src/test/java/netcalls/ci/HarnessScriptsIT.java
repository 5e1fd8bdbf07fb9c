package netcalls.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netcalls.testing.Processes.Result;
import netcalls.testing.Processes;
import org.junit.jupiter.api.Test;

/**
 * The two harness scripts run for real at their smallest (about 10 s each against target/benchmarks.jar):
 * nginx or the built-in server, the JVMs, the run folders and compare's statistics all take part. Too few
 * rounds or forks to bound any ratio, so the verdicts are the "cannot tell" ones; no timing is asserted.
 */
class HarnessScriptsIT {
  // a test run measures nothing: it may share the machine with a real run, so JMH's lock is ignored
  private static final List<String> ENV = List.of("JAVA_OPTS=-Djmh.ignoreLock=true");

  @Test
  void harnessVsBareMeasuresBothSidesAndJudgesTheirRatio() throws Exception {
    Processes.Result r = HarnessScriptsTest.run(ENV,
        "scripts/harness-vs-bare.sh", "--rounds", "1", "--clients", "okhttp", "--seconds", "1");
    // one round cannot bound the ratio: UNDECIDED, which is not a pass
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).containsPattern("(?m)^okhttp bare: +[0-9.]+$").containsPattern("(?m)^okhttp netcalls: +[0-9.]+$")
        .containsPattern("(?m)^okhttp: [0-9.]+ \\[0, inf\\] \\(95 % CI, p=[0-9.e-]+, 1 vs 1, medians [0-9.]+ -> [0-9.]+\\)"
            + " limit 1\\.10: UNDECIDED$");
    assertThat(r.err()).contains("round 1/1: okhttp bare", "round 1/1: okhttp netcalls");
  }

  @Test
  void traceOverheadPoolsForksPerSideAndPrintsTheRatioPerClient() throws Exception {
    Processes.Result r = HarnessScriptsTest.run(
        List.of(ENV.get(0), "JMH_OPTS=-wi 0 -i 3 -r 200ms"), "scripts/trace-overhead.sh", "--forks", "1", "--clients", "okhttp");
    assertThat(r.exit()).as(r.err()).isZero();
    // three iterations a fork are too few to classify its steady state: compare gates nothing and says why
    assertThat(r.out()).containsPattern("(?m)^okhttp: not gated: baseline fork 1 of \\S+: not checked \\(3 iterations;");
    assertThat(r.err()).contains("fork 1/1: trace=on", "fork 1/1: trace=off", "not gated");
  }

  /** The two scripts that read the clients from the jar: their plans name each client, and refuse an unknown one. */
  @Test
  void dryRunsReadTheClientsFromTheJarAndPrintTheCommands() throws Exception {
    Processes.Result bare = HarnessScriptsTest.run("scripts/harness-vs-bare.sh", "--dry-run", "--clients", "okhttp,jdk");
    assertThat(bare.exit()).as(bare.err()).isZero();
    assertThat(bare.out()).contains("bare:     java -Xms1g -Xmx1g -Djdk.httpclient.allowRestrictedHeaders=connection -cp"
        + " target/benchmarks.jar netcalls.bench.BareLoop jdk http://127.0.0.1:PORT 5 5 1024")
        .contains("--run-id rN-okhttp --no-export --target http://127.0.0.1:PORT -f 1 --warmup-cap-ms 5000");
    Processes.Result switches = HarnessScriptsTest.run("scripts/thread-switches.sh", "--dry-run", "--clients", "jdk");
    assertThat(switches.exit()).as(switches.err()).isZero();
    assertThat(switches.out().lines()).hasSize(2).allMatch(l -> l.contains("-p client=jdk -f 1 -wi 2 -w 1s"));
    assertThat(switches.out()).contains("-jvmArgsPrepend -Dnetcalls.jdk.executor=direct");
    Processes.Result unknown = HarnessScriptsTest.run("scripts/thread-switches.sh", "--dry-run", "--clients", "curl");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).matches("thread-switches: --clients: unknown client 'curl': use some of [a-z0-9,]+\n");
  }
}
