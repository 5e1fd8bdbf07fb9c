package netcalls.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The facade's injection, on a real client against the built-in server: it adds what it says to the calling
 * thread's allocation per call, and off it is no wrapper at all.
 */
class InjectedTest extends ServerTest {
  private static final int CALLS = 300;

  private static long allocatedPerCall(Client client, PreparedRequest request) throws Exception {
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long id = Thread.currentThread().getId();
    long before = bean.getThreadAllocatedBytes(id);
    for (int i = 0; i < CALLS; i++) {
      client.call(request);
    }
    return (bean.getThreadAllocatedBytes(id) - before) / CALLS;
  }

  @Test
  void twentyPercentMoreAllocationPerCallOnTheCallingThread() throws Exception {
    try (ClientLibrary library = ClientKind.okhttp.open(ClientOptions.defaults(Servers.trust(server)));
        Client plain = Strategy.reuse.open(ClientKind.okhttp, library)) {
      PreparedRequest request = plain.prepare(Request.get(server.baseUri("http"), "/bytes/1024"));
      allocatedPerCall(plain, request); // warm-up: the JIT's first compilations allocate differently
      long base = allocatedPerCall(plain, request);
      long extra = base / 5;
      Client injected = Injected.wrap(plain, extra, 0);
      long more = allocatedPerCall(injected, request);
      assertThat((double) (more - base)).as("base %d B/call, with injection %d", base, more)
          .isBetween(extra * 0.8, extra * 1.2);
    }
  }

  @Test
  void cpuInjectionSpendsItsTimeOnTheCallingThread() {
    com.sun.management.ThreadMXBean bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = bean.getCurrentThreadCpuTime();
    Injected.burnCpu(20_000_000);
    // wall time 20 ms; CPU at least a share of it even on a busy machine
    assertThat(bean.getCurrentThreadCpuTime() - before).isPositive();
  }

  @Test
  void offIsNoWrapper() throws Exception {
    try (ClientLibrary library = ClientKind.okhttp.open(ClientOptions.defaults(Servers.trust(server)));
        Client plain = Strategy.reuse.open(ClientKind.okhttp, library)) {
      assertThat(Injected.wrap(plain, 0, 0)).isSameAs(plain);
      assertThat(Injected.wrap(plain, 1, 0)).isNotSameAs(plain);
    }
  }
}
