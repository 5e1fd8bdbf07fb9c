package netcalls.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The frames that moved, on collapsed stacks: none in an A/A pair, the injected frame first when one is added. */
class FramesMovedTest {
  private static final List<String> BASE = List.of(
      "java/lang/Thread.run;bench/RequestLatency.request;okhttp3/RealCall.execute;sun/nio/ch/SocketDispatcher.read 400",
      "java/lang/Thread.run;bench/RequestLatency.request;okhttp3/RealCall.execute;okio/Buffer.write 300",
      "java/lang/Thread.run;io/netty/channel/epoll/EpollIoHandler.run;io/netty/Handler.write 500");

  @Test
  void anAaPairListsNoFrame() {
    List<FramesMoved.Frame> moved = FramesMoved.moved("row", FramesMoved.parse(BASE, 10_000),
        FramesMoved.parse(BASE, 10_000));
    assertThat(moved).isEmpty();
  }

  @Test
  void sampleScatterOfAnAaPairListsNoFrame() {
    List<String> other = List.of(
        "java/lang/Thread.run;bench/RequestLatency.request;okhttp3/RealCall.execute;sun/nio/ch/SocketDispatcher.read 380",
        "java/lang/Thread.run;bench/RequestLatency.request;okhttp3/RealCall.execute;okio/Buffer.write 320",
        "java/lang/Thread.run;io/netty/channel/epoll/EpollIoHandler.run;io/netty/Handler.write 510");
    assertThat(FramesMoved.moved("row", FramesMoved.parse(BASE, 10_000), FramesMoved.parse(other, 10_200)))
        .isEmpty();
  }

  @Test
  void anInjectedSlowPathIsNamedFirst() {
    List<String> cand = new ArrayList<>(BASE);
    cand.add("java/lang/Thread.run;bench/RequestLatency.request;netcalls/client/Injected.burnCpu;"
        + "java/lang/System.nanoTime 300");
    cand.add("java/lang/Thread.run;bench/RequestLatency.request;netcalls/client/Injected.burnCpu 100");
    List<FramesMoved.Frame> moved = new ArrayList<>(FramesMoved.moved("row", FramesMoved.parse(BASE, 10_000),
        FramesMoved.parse(cand, 10_000)));
    moved.sort(java.util.Comparator.comparingDouble((FramesMoved.Frame f) -> -Math.abs(f.z())));
    assertThat(moved.get(0).frame()).isEqualTo("netcalls/client/Injected.burnCpu");
    assertThat(moved.get(0).what()).isEqualTo("total");
    assertThat(moved.get(0).base()).isZero();
    assertThat(moved.get(0).cand()).isCloseTo(250.0, org.assertj.core.data.Offset.offset(1e-9)); // 400 of 1600
    assertThat(moved).extracting(FramesMoved.Frame::frame).doesNotContain("okio/Buffer.write");
  }

  @Test
  void selfAndTotalAreCountedPerFrame() {
    FramesMoved.Stacks s = FramesMoved.parse(BASE, 20_000);
    assertThat(s.samples()).isEqualTo(1200);
    assertThat(s.total().get("java/lang/Thread.run")).isEqualTo(1200);
    assertThat(s.self()).doesNotContainKey("java/lang/Thread.run");
    assertThat(s.self().get("okio/Buffer.write")).isEqualTo(300);
  }

  @Test
  void aLambdaFrameIsOneFrameAcrossJvms() {
    FramesMoved.Stacks a = FramesMoved.parse(List.of("a/B.run;a/Adapter$$Lambda$137.0x00007f71641ba860.run 100"), 1);
    FramesMoved.Stacks b = FramesMoved.parse(List.of("a/B.run;a/Adapter$$Lambda$140.0x00007f0718210898.run 100"), 1);
    assertThat(a.self()).containsOnlyKeys("a/Adapter$$Lambda.run");
    assertThat(FramesMoved.moved("row", a, b)).isEmpty();
  }

  @Test
  void jmhsProfileFolderSpellsTheParametersInNameOrder() {
    assertThat(FramesMoved.paramsId(java.util.Map.of("scheme", "http", "client", "okhttp")))
        .isEqualTo("client-okhttp-scheme-http");
  }
}
