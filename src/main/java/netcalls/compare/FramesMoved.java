package netcalls.compare;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import netcalls.read.CallCost;
import netcalls.read.Problems;
import netcalls.read.Profile;
import netcalls.run.RunFolder;

/**
 * The frames that moved between two profiled sides: per profiled row (a folder of profiles/, one per benchmark ×
 * parameter set), each frame's share of the row's samples (per mille), self (the frame on top) and total
 * (anywhere in the stack), from the collapsed stacks. A frame's change counts when it exceeds four times its
 * sampling error (binomial) and one percentage point; the ten that exceed their error most are listed. An A/A
 * comparison lists none.
 */
public final class FramesMoved {
  public static final int TOP = 10;
  static final double Z = 4;
  static final double FLOOR = 0.01;
  static final String COLLAPSED = "collapsed-";
  /** A lambda's frame names its class by a number and address of this JVM: one name for all, so JVMs compare. */
  static final java.util.regex.Pattern LAMBDA = java.util.regex.Pattern.compile("\\$\\$Lambda\\$\\d+(?:[./]0x[0-9a-f]+)?");

  /** One frame's share of its row's samples (per mille) on each side, self or total, and its change in errors. */
  public record Frame(String row, String frame, String what, double base, double cand, double z) {}

  public record Result(List<Frame> frames, List<String> notes, int rows) {}

  /** One side's stacks of one row: self and total samples per frame, and the calls they were taken over. */
  record Stacks(Map<String, Long> self, Map<String, Long> total, long samples, long calls) {}

  private FramesMoved() {}

  public static Result compare(List<Path> baseline, List<Path> candidate) {
    List<String> notes = new ArrayList<>();
    if (!profiled(baseline) || !profiled(candidate)) {
      return new Result(List.of(), notes, 0); // compare refuses profiled against unprofiled before this
    }
    Map<String, Stacks> b = read(baseline);
    Map<String, Stacks> c = read(candidate);
    List<Frame> all = new ArrayList<>();
    int rows = 0;
    Set<String> keys = new java.util.TreeSet<>(b.keySet());
    keys.addAll(c.keySet());
    for (String row : keys) {
      if (!b.containsKey(row) || !c.containsKey(row)) {
        notes.add(row + ": profiled on the " + (b.containsKey(row) ? "baseline" : "candidate") + " only: its stacks"
            + " are skipped");
        continue;
      }
      rows++;
      all.addAll(moved(row, b.get(row), c.get(row)));
    }
    all.sort(Comparator.comparingDouble((Frame f) -> -Math.abs(f.z())));
    return new Result(List.copyOf(all.subList(0, Math.min(TOP, all.size()))), notes, rows);
  }

  private static boolean profiled(List<Path> side) {
    return side.stream().allMatch(p -> Profile.of(RunFolder.of(p)) != null);
  }

  /**
   * Every frame of one row whose self or total change counts: its share of the row's samples, per mille. Shares, not
   * samples per call: JMH's profiler also samples the trial's warm-up at setup, whose calls are not counted.
   */
  static List<Frame> moved(String row, Stacks b, Stacks c) {
    List<Frame> out = new ArrayList<>();
    for (String what : List.of("self", "total")) {
      Map<String, Long> mb = what.equals("self") ? b.self() : b.total();
      Map<String, Long> mc = what.equals("self") ? c.self() : c.total();
      Set<String> frames = new HashSet<>(mb.keySet());
      frames.addAll(mc.keySet());
      for (String f : frames) {
        double pb = share(mb.getOrDefault(f, 0L), b.samples());
        double pc = share(mc.getOrDefault(f, 0L), c.samples());
        // the binomial error of each share, a frame never seen counted as half a sample so it is never exact
        double se = Math.sqrt(err(pb, b.samples()) + err(pc, c.samples()));
        double z = (pc - pb) / se;
        if (Math.abs(z) > Z && Math.abs(pc - pb) > FLOOR) {
          out.add(new Frame(row, f, what, pb * 1000, pc * 1000, z));
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

  /** A side's stacks by row (the profiles/ folder name), forks and runs pooled. */
  static Map<String, Stacks> read(List<Path> side) {
    Map<String, Stacks> out = new TreeMap<>();
    for (Path p : side) {
      RunFolder run = RunFolder.of(p);
      Map<String, Long> calls = new HashMap<>();
      for (CallCost cost : CallCost.readAll(run, Problems.IGNORE)) {
        calls.merge(cost.benchmark() + "|" + paramsId(cost.params()), cost.calls(), Long::sum);
      }
      if (!Files.isDirectory(run.profiles())) {
        continue;
      }
      try (DirectoryStream<Path> rows = Files.newDirectoryStream(run.profiles())) {
        for (Path row : rows) {
          Path collapsed = collapsed(row);
          if (collapsed == null) {
            continue;
          }
          String name = row.getFileName().toString();
          long n = calls.entrySet().stream().filter(e -> matches(name, e.getKey())).mapToLong(Map.Entry::getValue)
              .sum();
          Stacks s = parse(Files.readAllLines(collapsed), n);
          out.merge(name, s, FramesMoved::pool);
        }
      } catch (IOException e) {
        // an unreadable profile leaves its row out; the rest of the comparison stands
      }
    }
    return out;
  }

  private static Path collapsed(Path row) throws IOException {
    if (!Files.isDirectory(row)) {
      return null;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(row, COLLAPSED + "*.csv")) {
      for (Path f : files) {
        return f;
      }
    }
    return null;
  }

  /** {@code client-okhttp-scheme-http}: JMH's profile folder spells the parameters so, in name order. */
  static String paramsId(Map<String, String> params) {
    StringBuilder s = new StringBuilder();
    new TreeMap<>(params).forEach((k, v) -> s.append(s.length() == 0 ? "" : "-").append(k).append('-').append(v));
    return s.toString();
  }

  private static boolean matches(String folder, String benchmarkAndParams) {
    int bar = benchmarkAndParams.indexOf('|');
    return folder.startsWith(benchmarkAndParams.substring(0, bar) + "-")
        && folder.endsWith("-" + benchmarkAndParams.substring(bar + 1));
  }

  /** Collapsed stacks ({@code a;b;c count} per line) over {@code calls} calls (0: unknown, counted as 1). */
  static Stacks parse(List<String> lines, long calls) {
    Map<String, Long> self = new HashMap<>();
    Map<String, Long> total = new HashMap<>();
    long samples = 0;
    for (String line : lines) {
      int space = line.lastIndexOf(' ');
      if (space <= 0) {
        continue;
      }
      long count;
      try {
        count = Long.parseLong(line.substring(space + 1).strip());
      } catch (NumberFormatException e) {
        continue;
      }
      String[] frames = LAMBDA.matcher(line.substring(0, space)).replaceAll("\\$\\$Lambda").split(";");
      samples += count;
      self.merge(frames[frames.length - 1], count, Long::sum);
      for (String f : new HashSet<>(List.of(frames))) { // a recursive frame counts once per stack
        total.merge(f, count, Long::sum);
      }
    }
    return new Stacks(self, total, samples, Math.max(1, calls));
  }

  private static Stacks pool(Stacks a, Stacks b) {
    Map<String, Long> self = new HashMap<>(a.self());
    b.self().forEach((k, v) -> self.merge(k, v, Long::sum));
    Map<String, Long> total = new HashMap<>(a.total());
    b.total().forEach((k, v) -> total.merge(k, v, Long::sum));
    return new Stacks(self, total, a.samples() + b.samples(), a.calls() + b.calls());
  }

  public static String text(Result r, boolean markdown) {
    StringBuilder s = new StringBuilder();
    if (r.rows() > 0) {
      s.append(markdown ? "\n### Frames that moved\n\n" : "\nFrames that moved (profiled rows: " + r.rows()
          + "; per mille of the row's samples, the change in sampling errors; top " + TOP + ")\n");
      if (r.frames().isEmpty()) {
        s.append("none: no frame changed by more than ").append((int) Z).append(" sampling errors\n");
      }
      for (Frame f : r.frames()) {
        String line = String.format(Locale.ROOT, "%s %s: %.1f -> %.1f (%+.1f errors)  [%s]", f.frame(), f.what(),
            f.base(), f.cand(), f.z(), f.row());
        s.append(markdown ? "- `" + line.replace("`", "'") + "`" : "  " + line).append('\n');
      }
    }
    r.notes().forEach(n -> s.append(markdown ? "\n> " : "note: ").append(n).append('\n'));
    return s.toString();
  }

  public static Map<String, Object> json(Result r) {
    Map<String, Object> m = new LinkedHashMap<>();
    List<Map<String, Object>> frames = new ArrayList<>();
    for (Frame f : r.frames()) {
      Map<String, Object> o = new LinkedHashMap<>();
      o.put("row", f.row());
      o.put("frame", f.frame());
      o.put("samples", f.what());
      o.put("baselinePerMille", f.base());
      o.put("candidatePerMille", f.cand());
      o.put("errors", f.z());
      frames.add(o);
    }
    m.put("profiledRows", r.rows());
    m.put("frames", frames);
    m.put("notes", r.notes());
    return m;
  }
}
