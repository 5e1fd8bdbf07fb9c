package netcalls.trace;

import static org.assertj.core.api.Assertions.assertThat;

import netcalls.run.Phase;
import netcalls.run.Leg;
import org.junit.jupiter.api.Test;

/** How a trace reads its clock: once per instant it keeps, and never for a phase that never opened. */
class CallTraceTest {
  /** A trace whose clock ticks 100 ns per read, and counts the reads. */
  private static final class Counted extends CallTrace {
    int reads;

    Counted() {
      super(new CallSite(Leg.single, "localhost:1", "bytes"), 0, 0);
    }

    @Override
    public long now() {
      reads++;
      return 100L * reads;
    }
  }

  @Test
  void endingAPhaseThatNeverOpenedReadsNoClockAndRecordsNothing() {
    Counted t = new Counted();
    for (Phase p : Phase.ALL) {
      t.end(p);
    }
    assertThat(t.reads).isZero();
    assertThat(t.total).containsOnly(-1L);
  }

  @Test
  void anOpenedPhaseReadsTheClockAtEachEndAndKeepsTheSpan() {
    Counted t = new Counted();
    t.begin(Phase.WAITING);
    t.end(Phase.WAITING);
    t.end(Phase.WAITING); // already closed: no second read
    assertThat(t.reads).isEqualTo(2);
    assertThat(t.total[Phase.WAITING.ordinal()]).isEqualTo(100);
  }

  @Test
  void nextAtAnInstantReadEarlierReadsNoClockItself() {
    Counted t = new Counted();
    t.begin(Phase.SENDING); // 100
    long sent = t.now(); // 200
    t.next(Phase.SENDING, Phase.WAITING, sent);
    t.next(Phase.WAITING, Phase.RECEIVING); // 300
    assertThat(t.reads).isEqualTo(3);
    assertThat(t.total[Phase.SENDING.ordinal()]).isEqualTo(100);
    assertThat(t.total[Phase.WAITING.ordinal()]).isEqualTo(100);
    assertThat(t.isOpen(Phase.RECEIVING)).isTrue();
  }
}
