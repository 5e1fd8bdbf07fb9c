package netcalls.cli;

import static netcalls.cli.Cells.param;
import static netcalls.cli.Cells.shortName;

import java.util.List;
import java.util.Locale;
import netcalls.read.Trial;
import netcalls.read.Warmups;

/** The summary's one-line notes: how the warm-ups went, and what live mode sent. */
final class SummaryNotes {
  /** The most trials named on one line. */
  private static final int NAMED = 5;

  private SummaryNotes() {}

  /**
   * One line on how the trials' warm-ups until steady went (warmup/), naming those the cap stopped while they were
   * still getting faster: their first measured iterations may still be warm-up, which the steady segment then cuts.
   */
  static void warmups(StringBuilder s, List<Warmups.Warmup> warmups) {
    if (warmups.isEmpty()) {
      return;
    }
    List<Warmups.Warmup> capped = warmups.stream().filter(w -> !w.converged() && w.calls() > 0).toList();
    long off = warmups.stream().filter(w -> w.calls() == 0).count();
    double[] secs = warmups.stream().mapToDouble(w -> w.elapsedMs() / 1000.0).sorted().toArray();
    s.append(String.format(Locale.ROOT, "%nWarm-up at setup: %d of %d trials steady before the cap"
        + " (median %.1f s, longest %.1f s)", warmups.size() - capped.size() - off, warmups.size(),
        secs[secs.length / 2], secs[secs.length - 1]));
    if (off > 0) {
      s.append("; ").append(off).append(" with the warm-up off (--warmup-cap-ms 0)");
    }
    if (!capped.isEmpty()) {
      s.append("; still getting faster at the cap: ");
      s.append(String.join(", ", capped.stream().limit(NAMED).map(w -> shortName(w.benchmark()) + " "
          + param(w.params(), "client") + " " + param(w.params(), "strategy") + " " + param(w.params(), "scheme"))
          .toList()));
      if (capped.size() > NAMED) {
        s.append(" and ").append(capped.size() - NAMED).append(" more");
      }
    }
    s.append('\n');
  }

  /** What live mode sent, when it was on: UDP does not confirm, so sent is all that can be said. */
  static void live(StringBuilder s, List<Trial> trials) {
    long lines = 0;
    long datagrams = 0;
    long notSent = 0;
    long recorded = 0;
    String target = null;
    for (Trial t : trials) {
      if (t.live() != null) {
        lines += t.live().lines();
        datagrams += t.live().datagrams();
        notSent += t.live().notSent();
        recorded += t.recorded();
        target = t.live().target();
      }
    }
    if (target != null) {
      s.append("Live mode: ").append(lines).append(" lines sent to ").append(target)
          .append(datagrams > 0 ? " in " + datagrams + " datagrams" : "").append(", ").append(notSent)
          .append(" not sent, for ").append(recorded).append(" recorded samples (netcalls_request and netcalls_pair"
          + " lines; neither UDP nor TCP confirms delivery: points.lp is the record)\n");
    }
  }
}
