package netcalls.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CompletableFuture;
import netcalls.run.Phase;
import netcalls.server.ServerStats;
import netcalls.trace.SampleRecorder;
import netcalls.trace.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Jetty's tracing takes no lock per call (issue 24): its request and response events may come on two threads at
 * once, and many calls in flight over real sockets still each get their own, whole timeline.
 */
class JettyTracingTest extends ServerTest {
  private static final int ROUNDS = 12;
  private static final int IN_FLIGHT = 8;

  @Test
  void jettysTracingHoldsNoLockAndNoSynchronizedCollection() {
    JavaClasses jetty = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("netcalls.client.jetty");
    methods().that().areDeclaredInClassesThat().resideInAPackage("netcalls.client.jetty")
        .should().notHaveModifier(JavaModifier.SYNCHRONIZED).check(jetty);
    noClasses().that().resideInAPackage("netcalls.client.jetty")
        .should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe("Collections.synchronized*",
            call -> call.getTargetOwner().isEquivalentTo(Collections.class)
                && call.getName().startsWith("synchronized")))
        .orShould().dependOnClassesThat().areAssignableTo(WeakHashMap.class)
        .check(jetty);
  }

  /** h1: a pool of connections opened as the calls come; h2c: every call a stream of one multiplexed connection. */
  @ParameterizedTest(name = "{0}")
  @EnumSource(value = Protocol.class, names = {"h1", "h2c"})
  void manyCallsInFlightEachRecordTheirOwnWholeTimeline(Protocol protocol) throws Exception {
    SampleRecorder recorder = new SampleRecorder(ROUNDS * IN_FLIGHT + 1);
    recorder.measuring(true);
    List<Long> sizes = new ArrayList<>();
    ServerStats before = server.stats();
    ClientOptions options = ClientOptions.defaults(Servers.trust(server)).withProtocol(protocol).withRecorder(recorder);
    try (ClientLibrary library = ClientKind.jetty.open(options);
        Client client = Strategy.reuse.open(ClientKind.jetty, library)) {
      if (protocol.isHttp2()) {
        // one call first: calls queued before the first connection's settings came would open spare connections
        // that no call is sent on, which the server counts and no row can show
        sizes.add(0L);
        assertThat(client.call(client.prepare(Request.get(server.baseUri("http"), "/bytes/0")))).isZero();
      }
      for (int round = 0; round < ROUNDS; round++) {
        List<CompletableFuture<Long>> calls = new ArrayList<>();
        for (int i = 0; i < IN_FLIGHT; i++) {
          long size = 1 + round * IN_FLIGHT + i; // every call its own body size, to find its row by
          sizes.add(size);
          calls.add(client.callAsync(client.prepare(Request.get(server.baseUri("http"), "/bytes/" + size))));
        }
        for (int i = 0; i < IN_FLIGHT; i++) {
          assertThat(calls.get(i).get()).isEqualTo(sizes.get(sizes.size() - IN_FLIGHT + i));
        }
      }
    }
    ServerStats delta = server.stats().minus(before);
    List<Map<String, String>> rows = Samples.rows(recorder);
    assertThat(rows).hasSize(sizes.size());
    // no row took another call's bytes, and every call has its row
    assertThat(rows).extracting(r -> Long.parseLong(r.get("bytes"))).containsExactlyInAnyOrderElementsOf(sizes);
    for (Map<String, String> row : rows) {
      assertThat(row.get("status")).isEqualTo("200");
      assertThat(row.get("exception")).isEmpty();
      long sum = 0;
      for (Phase p : List.of(Phase.BLOCKED, Phase.SENDING, Phase.WAITING, Phase.RECEIVING)) {
        String v = row.get(p.column() + "_ns");
        if (!v.isEmpty()) {
          assertThat(Long.parseLong(v)).as(p.column()).isNotNegative();
          sum += Long.parseLong(v);
        }
      }
      assertThat(row.get("waiting_ns")).as("waiting").isNotEmpty();
      assertThat(row.get("receiving_ns")).as("receiving").isNotEmpty();
      assertThat(sum).as("phases fit inside the duration").isLessThanOrEqualTo(Long.parseLong(row.get("duration_ns")));
    }
    // a connection is new to one call only, however many began at once on it (h2c: all on one connection). Over h1
    // Jetty may open a connection for a queued call that another, freed connection then takes: one no call is sent on
    long fresh = rows.stream().filter(r -> r.get("reused").equals("false")).count();
    if (protocol.isHttp2()) {
      assertThat(fresh).as("calls on a new connection = server's connections").isEqualTo(delta.httpConnections());
    } else {
      assertThat(fresh).as("calls on a new connection, at most the server's connections")
          .isBetween(1L, delta.httpConnections());
    }
    assertThat(rows).allSatisfy(r -> assertThat(r.get("reused")).isIn("true", "false"));
  }
}
