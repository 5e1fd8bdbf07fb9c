package netcalls.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import netcalls.compare.ProfileStacks.Row;
import netcalls.compare.ProfileStacks.Stacks;
import netcalls.read.Profile;
import netcalls.run.RunFolder;

/**
 * The frames that moved between two profiled sides, per profiled row (a folder of profiles/, one per benchmark ×
 * parameter set), self (the frame on top) and total (anywhere in the stack).
 *
 * <p>With two forks or more a side and their calls known, a frame's value is samples × interval per call in each
 * fork (ns of CPU for cpu, bytes for alloc), and its change counts when the two sides' forks do not overlap and the
 * change of the medians exceeds twice the larger side's fork spread (max − min, the rule of the cost rows) and 1 %
 * of the row's own total per call. With one fork on a side there is no spread: then a frame's share of the row's
 * samples (per mille) is judged by its binomial sampling error (four errors and one percentage point), and the
 * frames say so. Of the frames that moved, the ten whose share of the row's samples moved most are listed (per
 * call, every caller of a slower frame, up to Thread.run, moves as much as it does and often with less spread; its
 * share does not, so the frame where the work went comes first); an A/A comparison lists none.
 */
public final class FramesMoved {
  public static final int TOP = 10;
  static final double Z = 4;
  static final double FLOOR = 0.01;
  static final double SPREADS = 2;
  public static final String RULE_FORKS = "fork spread";
  public static final String RULE_ONE_FORK = "sampling error (one fork)";

  /**
   * One frame of one row: its value on each side ({@code unit} per call, or per mille of the row's samples with one
   * fork), its change in spreads (or sampling errors), the rule that judged it and the change of its share of the
   * row's samples (per mille points, median of the forks), which ranks it.
   */
  public record Frame(String row, String frame, String what, double base, double cand, double z, String unit,
      String rule, double shareChange) {}

  public record Result(List<Frame> frames, List<String> notes, int rows) {}

  private FramesMoved() {}

  public static Result compare(List<Path> baseline, List<Path> candidate) {
    List<String> notes = new ArrayList<>();
    if (!profiled(baseline) || !profiled(candidate)) {
      return new Result(List.of(), notes, 0); // compare refuses profiled against unprofiled before this
    }
    Map<String, Row> b = ProfileStacks.read(baseline);
    Map<String, Row> c = ProfileStacks.read(candidate);
    List<Frame> all = new ArrayList<>();
    int rows = 0;
    Set<String> keys = new TreeSet<>(b.keySet());
    keys.addAll(c.keySet());
    for (String row : keys) {
      if (!b.containsKey(row) || !c.containsKey(row)) {
        notes.add(row + ": profiled on the " + (b.containsKey(row) ? "baseline" : "candidate") + " only: its stacks"
            + " are skipped");
        continue;
      }
      Row rb = b.get(row);
      Row rc = c.get(row);
      if (!rb.kind().equals(rc.kind())) {
        notes.add(row + ": profiled for " + rb.kind() + " on the baseline, " + rc.kind() + " on the candidate: its"
            + " stacks are skipped");
        continue;
      }
      rows++;
      if (forksComparable(rb, rc)) {
        all.addAll(moved(row, rb, rc));
      } else {
        all.addAll(moved(row, rb.pooled(), rc.pooled()));
      }
    }
    List<Frame> top = ranked(all);
    return new Result(top.subList(0, Math.min(TOP, top.size())), notes, rows);
  }

  /** The frames that moved, the one whose share of its row's samples moved most first. */
  static List<Frame> ranked(List<Frame> moved) {
    List<Frame> all = new ArrayList<>(moved);
    all.sort(Comparator.comparingDouble((Frame f) -> -Math.abs(f.shareChange())));
    return List.copyOf(all);
  }

  /** Both sides have two forks or more with their calls known, in the same unit. */
  static boolean forksComparable(Row b, Row c) {
    return b.forks().size() > 1 && c.forks().size() > 1 && b.perCall() && c.perCall() && b.unit().equals(c.unit())
        && b.perSample() == c.perSample();
  }

  private static boolean profiled(List<Path> side) {
    return side.stream().allMatch(p -> Profile.of(RunFolder.of(p)) != null);
  }

  /** Every frame of one row whose self or total value per call moved beyond its forks' spread. */
  static List<Frame> moved(String row, Row b, Row c) {
    List<Frame> out = new ArrayList<>();
    double floor = FLOOR * Math.max(median(totals(b)), median(totals(c)));
    for (String what : List.of("self", "total")) {
      Set<String> frames = new HashSet<>();
      b.forks().forEach(f -> frames.addAll(counts(f, what).keySet()));
      c.forks().forEach(f -> frames.addAll(counts(f, what).keySet()));
      for (String f : frames) {
        Frame moved = judge(row, f, what, perCall(b, f, what), perCall(c, f, what), floor, b.unit(),
            median(shares(c, f, what)) - median(shares(b, f, what)));
        if (moved != null) {
          out.add(moved);
        }
      }
    }
    return out;
  }

  /**
   * A frame whose forks' values ({@code b}, {@code c}: per call) moved: the sides do not overlap and the change of
   * the medians exceeds twice the larger spread and {@code floor}; null otherwise.
   */
  static Frame judge(String row, String frame, String what, double[] b, double[] c, double floor, String unit,
      double shareChange) {
    double[] sb = b.clone();
    double[] sc = c.clone();
    Arrays.sort(sb);
    Arrays.sort(sc);
    double change = median(sc) - median(sb);
    double spread = Math.max(sb[sb.length - 1] - sb[0], sc[sc.length - 1] - sc[0]);
    boolean apart = sc[0] > sb[sb.length - 1] || sc[sc.length - 1] < sb[0];
    if (!apart || Math.abs(change) <= SPREADS * spread || Math.abs(change) <= floor) {
      return null;
    }
    return new Frame(row, frame, what, median(sb), median(sc), change / Math.max(spread, floor), unit, RULE_FORKS,
        shareChange);
  }

  private static Map<String, Long> counts(Stacks s, String what) {
    return what.equals("self") ? s.self() : s.total();
  }

  /** The frame's samples × interval per call in each fork. */
  private static double[] perCall(Row r, String frame, String what) {
    return r.forks().stream().mapToDouble(f -> counts(f, what).getOrDefault(frame, 0L) * r.perSample() / f.calls())
        .toArray();
  }

  /** The frame's share of each fork's samples, per mille. */
  private static double[] shares(Row r, String frame, String what) {
    return r.forks().stream().mapToDouble(f -> 1000.0 * counts(f, what).getOrDefault(frame, 0L) / f.samples())
        .toArray();
  }

  private static double[] totals(Row r) {
    return r.forks().stream().mapToDouble(f -> f.samples() * r.perSample() / f.calls()).toArray();
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    int n = s.length;
    return n == 0 ? 0 : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }

  /**
   * One fork on a side: every frame whose self or total share of the row's samples moved beyond four binomial
   * sampling errors and one percentage point. Shares, not values per call, as a fork's calls may be unknown.
   */
  static List<Frame> moved(String row, Stacks b, Stacks c) {
    List<Frame> out = new ArrayList<>();
    for (String what : List.of("self", "total")) {
      Map<String, Long> mb = counts(b, what);
      Map<String, Long> mc = counts(c, what);
      Set<String> frames = new HashSet<>(mb.keySet());
      frames.addAll(mc.keySet());
      for (String f : frames) {
        double pb = share(mb.getOrDefault(f, 0L), b.samples());
        double pc = share(mc.getOrDefault(f, 0L), c.samples());
        // the binomial error of each share, a frame never seen counted as half a sample so it is never exact
        double se = Math.sqrt(err(pb, b.samples()) + err(pc, c.samples()));
        double z = (pc - pb) / se;
        if (Math.abs(z) > Z && Math.abs(pc - pb) > FLOOR) {
          out.add(new Frame(row, f, what, pb * 1000, pc * 1000, z, "per mille of samples", RULE_ONE_FORK,
              (pc - pb) * 1000));
        }
      }
    }
    return out;
  }

  private static double share(long count, long samples) {
    return samples == 0 ? 0 : (double) count / samples;
  }

  private static double err(double p, long n) {
    double q = Math.max(p, 0.5 / Math.max(n, 1));
    return q * (1 - q) / Math.max(n, 1);
  }

  /** A frame's value for people: µs for ns, whole bytes, per mille with one decimal. */
  public static String value(double v, String unit) {
    if (unit.startsWith("ns")) {
      return String.format(Locale.ROOT, "%.2f µs%s", v / 1000, unit.substring(2));
    }
    return String.format(Locale.ROOT, unit.equals("bytes") ? "%.0f %s" : "%.1f %s", v, unit);
  }

  public static String text(Result r, boolean markdown) {
    StringBuilder s = new StringBuilder();
    if (r.rows() > 0) {
      s.append(markdown ? "\n### Frames that moved\n\n" : "\nFrames that moved (profiled rows: " + r.rows()
          + "; per call with the change in fork spreads, or per mille of samples with the change in sampling"
          + " errors where a side has one fork; top " + TOP + ")\n");
      if (r.frames().isEmpty()) {
        s.append("none: no frame moved beyond its forks' spread or its sampling error\n");
      }
      for (Frame f : r.frames()) {
        String line = String.format(Locale.ROOT, "%s %s: %s -> %s per call (%+.1f %s)  [%s]", f.frame(), f.what(),
            value(f.base(), f.unit()), value(f.cand(), f.unit()), f.z(),
            f.rule().equals(RULE_FORKS) ? "spreads" : "errors, one fork", f.row());
        s.append(markdown ? "- `" + line.replace("`", "'") + "`" : "  " + line).append('\n');
      }
    }
    r.notes().forEach(n -> s.append(markdown ? "\n> " : "note: ").append(n).append('\n'));
    return s.toString();
  }

  /** The frames as a table, header first: the report's. */
  public static List<String[]> cells(Result r) {
    List<String[]> cells = new ArrayList<>();
    cells.add(new String[] {"frame", "samples", "baseline per call", "candidate per call", "change", "rule", "row"});
    for (Frame f : r.frames()) {
      cells.add(new String[] {f.frame(), f.what(), value(f.base(), f.unit()), value(f.cand(), f.unit()),
          String.format(Locale.ROOT, "%+.1f %s", f.z(), f.rule().equals(RULE_FORKS) ? "spreads" : "errors"),
          f.rule(), f.row()});
    }
    return cells;
  }

  public static Map<String, Object> json(Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> frames = new ArrayList<>();
    for (Frame f : r.frames()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("row", f.row());
      o.put("frame", f.frame());
      o.put("samples", f.what());
      o.put("baseline", f.base());
      o.put("candidate", f.cand());
      o.put("unit", f.unit());
      o.put("change", f.z());
      o.put("rule", f.rule());
      frames.add(o);
    }
    m.put("profiledRows", r.rows());
    m.put("frames", frames);
    m.put("notes", r.notes());
    return m;
  }
}
