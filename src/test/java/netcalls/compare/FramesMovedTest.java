package netcalls.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import netcalls.compare.ProfileStacks.Row;
import netcalls.compare.ProfileStacks.Stacks;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The frames that moved, on collapsed stacks: judged against the forks' spread with two forks a side and more,
 * by sampling error with one; none in an A/A pair, the injected frame first when one is added.
 */
class FramesMovedTest {
  private static final List<String> BASE = List.of(
      "java/lang/Thread.run;bench/RequestLatency.request;okhttp3/RealCall.execute;sun/nio/ch/SocketDispatcher.read 400",
      "java/lang/Thread.run;bench/RequestLatency.request;okhttp3/RealCall.execute;okio/Buffer.write 300",
      "java/lang/Thread.run;io/netty/channel/epoll/EpollIoHandler.run;io/netty/Handler.write 500");
  private static final long MS = 10_000_000; // async-profiler's cpu interval: 10 ms a sample

  private static List<String> scaled(List<String> lines, double by) {
    return lines.stream().map(l -> {
      int sp = l.lastIndexOf(' ');
      return l.substring(0, sp + 1) + Math.round(Long.parseLong(l.substring(sp + 1)) * by);
    }).toList();
  }

  private static Row row(List<Stacks> forks) {
    return new Row("row", forks, MS, "ns of CPU", "cpu");
  }

  private static List<String> injected(List<String> base) {
    List<String> cand = new ArrayList<>(base);
    cand.add("java/lang/Thread.run;bench/RequestLatency.request;netcalls/client/Injected.burnCpu;"
        + "java/lang/System.nanoTime 300");
    cand.add("java/lang/Thread.run;bench/RequestLatency.request;netcalls/client/Injected.burnCpu 100");
    return cand;
  }

  @Test
  void anAaPairOfForksListsNoFrameEvenWithTheForksScattered() {
    Row a = row(List.of(ProfileStacks.parse(BASE, 10_000), ProfileStacks.parse(scaled(BASE, 1.2), 10_000)));
    Row b = row(List.of(ProfileStacks.parse(scaled(BASE, 0.9), 10_000), ProfileStacks.parse(scaled(BASE, 1.1), 10_000)));
    assertThat(FramesMoved.moved("row", a, b)).isEmpty();
  }

  /**
   * Per call, every caller of the injected frame up to Thread.run moves as much as it does; here Thread.run's
   * forks agree exactly (the scatter is inside the row), so its change is the most spreads of all, as in a real
   * profiled pair. Its share of the samples stays 1000 per mille: ranked by the share's change, the injected
   * frame comes first.
   */
  @Test
  void aCallerWhoseForksAgreeDoesNotOutrankTheFrameTheWorkWentTo() {
    Row a = row(List.of(ProfileStacks.parse(BASE, 10_000), ProfileStacks.parse(BASE, 10_000)));
    List<String> other = new ArrayList<>(injected(BASE));
    other.replaceAll(l -> l.endsWith("Injected.burnCpu 100") ? l.replace(" 100", " 170")
        : l.endsWith("okio/Buffer.write 300") ? l.replace(" 300", " 230") : l);
    Row b = row(List.of(ProfileStacks.parse(injected(BASE), 10_000), ProfileStacks.parse(other, 10_000)));
    List<FramesMoved.Frame> moved = FramesMoved.moved("row", a, b);
    FramesMoved.Frame thread = moved.stream().filter(f -> f.frame().equals("java/lang/Thread.run")).findFirst()
        .orElseThrow();
    assertThat(moved).allSatisfy(f -> assertThat(Math.abs(f.z())).isLessThanOrEqualTo(Math.abs(thread.z())));
    assertThat(thread.shareChange()).isZero();
    FramesMoved.Frame first = FramesMoved.ranked(moved).get(0);
    assertThat(first.frame()).isEqualTo("netcalls/client/Injected.burnCpu");
    assertThat(first.what()).isEqualTo("total");
  }

  @Test
  void theInjectedFrameIsNamedFirstPerCallAgainstTheForksSpread() {
    Row a = row(List.of(ProfileStacks.parse(BASE, 10_000), ProfileStacks.parse(scaled(BASE, 1.1), 10_000)));
    Row b = row(List.of(ProfileStacks.parse(injected(BASE), 10_000),
        ProfileStacks.parse(injected(scaled(BASE, 1.05)), 10_000)));
    List<FramesMoved.Frame> moved = new ArrayList<>(FramesMoved.moved("row", a, b));
    moved.sort(java.util.Comparator.comparingDouble((FramesMoved.Frame f) -> -Math.abs(f.z())));
    FramesMoved.Frame first = moved.get(0);
    assertThat(first.frame()).isEqualTo("netcalls/client/Injected.burnCpu");
    assertThat(first.what()).isEqualTo("total");
    assertThat(first.rule()).isEqualTo(FramesMoved.RULE_FORKS);
    assertThat(first.base()).isZero();
    // 400 samples of 10 ms over 10,000 calls: 400 µs of CPU a call
    assertThat(first.cand()).isCloseTo(400_000.0, Offset.offset(1e-6));
    assertThat(moved).extracting(FramesMoved.Frame::frame).doesNotContain("okio/Buffer.write");
  }

  @Test
  void aChangeWithinTheForksSpreadDoesNotCount() {
    double[] base = {100, 140};
    assertThat(FramesMoved.judge("row", "f", "self", base, new double[] {150, 160}, 1, "ns", 0)).as("apart, but"
        + " 35 is less than twice the spread of 40").isNull();
    assertThat(FramesMoved.judge("row", "f", "self", base, new double[] {130, 200}, 1, "ns", 0)).as("overlapping")
        .isNull();
    assertThat(FramesMoved.judge("row", "f", "self", base, new double[] {300, 320}, 1, "ns", 0)).isNotNull()
        .satisfies(f -> assertThat(f.z()).isCloseTo(190.0 / 40, Offset.offset(1e-9)));
    assertThat(FramesMoved.judge("row", "f", "self", base, new double[] {300, 320}, 250, "ns", 0)).as("under the floor")
        .isNull();
  }

  @Test
  void withOneForkASideTheSharesAreJudgedBySamplingErrorAndSaySo() {
    List<FramesMoved.Frame> moved = new ArrayList<>(FramesMoved.moved("row", ProfileStacks.parse(BASE, 10_000),
        ProfileStacks.parse(injected(BASE), 10_000)));
    moved.sort(java.util.Comparator.comparingDouble((FramesMoved.Frame f) -> -Math.abs(f.z())));
    assertThat(moved.get(0).frame()).isEqualTo("netcalls/client/Injected.burnCpu");
    assertThat(moved.get(0).rule()).isEqualTo(FramesMoved.RULE_ONE_FORK);
    assertThat(moved.get(0).cand()).isCloseTo(250.0, Offset.offset(1e-9)); // 400 of 1600
    assertThat(FramesMoved.moved("row", ProfileStacks.parse(BASE, 1), ProfileStacks.parse(BASE, 1))).isEmpty();
    assertThat(FramesMoved.forksComparable(row(List.of(ProfileStacks.parse(BASE, 1))),
        row(List.of(ProfileStacks.parse(BASE, 1), ProfileStacks.parse(BASE, 1))))).isFalse();
  }

  @Test
  void sampleScatterOfAnAaPairWithOneForkListsNoFrame() {
    List<String> other = List.of(
        "java/lang/Thread.run;bench/RequestLatency.request;okhttp3/RealCall.execute;sun/nio/ch/SocketDispatcher.read 380",
        "java/lang/Thread.run;bench/RequestLatency.request;okhttp3/RealCall.execute;okio/Buffer.write 320",
        "java/lang/Thread.run;io/netty/channel/epoll/EpollIoHandler.run;io/netty/Handler.write 510");
    assertThat(FramesMoved.moved("row", ProfileStacks.parse(BASE, 10_000), ProfileStacks.parse(other, 10_200)))
        .isEmpty();
  }

  @Test
  void selfAndTotalAreCountedPerFrame() {
    Stacks s = ProfileStacks.parse(BASE, 20_000);
    assertThat(s.samples()).isEqualTo(1200);
    assertThat(s.total().get("java/lang/Thread.run")).isEqualTo(1200);
    assertThat(s.self()).doesNotContainKey("java/lang/Thread.run");
    assertThat(s.self().get("okio/Buffer.write")).isEqualTo(300);
  }

  @Test
  void aLambdaFrameIsOneFrameAcrossJvms() {
    Stacks a = ProfileStacks.parse(List.of("a/B.run;a/Adapter$$Lambda$137.0x00007f71641ba860.run 100"), 1);
    Stacks b = ProfileStacks.parse(List.of("a/B.run;a/Adapter$$Lambda$140.0x00007f0718210898.run 100"), 1);
    assertThat(a.self()).containsOnlyKeys("a/Adapter$$Lambda.run");
    assertThat(FramesMoved.moved("row", a, b)).isEmpty();
  }

  @Test
  void jmhsProfileFolderSpellsTheParametersInNameOrder() {
    assertThat(ProfileStacks.paramsId(java.util.Map.of("scheme", "http", "client", "okhttp")))
        .isEqualTo("client-okhttp-scheme-http");
  }

  @Test
  void valuesAreShownInMicrosecondsBytesOrPerMille() {
    assertThat(FramesMoved.value(400_000, "ns of CPU")).isEqualTo("400.00 µs of CPU");
    assertThat(FramesMoved.value(1234.4, "bytes")).isEqualTo("1234 bytes");
    assertThat(FramesMoved.value(250, "per mille of samples")).isEqualTo("250.0 per mille of samples");
  }
}
