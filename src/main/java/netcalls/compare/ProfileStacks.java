package netcalls.compare;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import netcalls.read.CallCost;
import netcalls.read.Problems;
import netcalls.read.Profile;
import netcalls.run.RunFolder;

/**
 * One side's profiles as read from its run folders: per row (a folder of profiles/, one per benchmark × parameter
 * set) the collapsed stacks of each fork ({@code fork-<pid>/}, netcalls.cli.ForkProfiles) with the fork's measured
 * calls (its samples file ends in the same pid). A run from before forks were kept apart has one folder for all
 * of a row's forks: it reads as one fork over all of their calls.
 */
final class ProfileStacks {
  static final String COLLAPSED = "collapsed-";
  /** A lambda's frame names its class by a number and address of this JVM: one name for all, so JVMs compare. */
  static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda\\$\\d+(?:[./]0x[0-9a-f]+)?");

  /** One fork's stacks: samples per whole stack, self and total per frame, over {@code calls} calls (0: unknown). */
  record Stacks(Map<String, Long> stacks, Map<String, Long> self, Map<String, Long> total, long samples, long calls) {}

  /**
   * A row of one side: its forks, what one sample stands for ({@code perSample} of {@code unit}: the profile's
   * interval in ns or bytes; 1 sample where the run did not record one) and the profile's kind.
   */
  record Row(String name, List<Stacks> forks, double perSample, String unit, String kind) {
    /** Every fork's calls are known, so values per call can be given. */
    boolean perCall() {
      return forks.stream().allMatch(f -> f.calls() > 0);
    }

    Stacks pooled() {
      return forks.stream().reduce(ProfileStacks::pool).orElseThrow();
    }
  }

  private ProfileStacks() {}

  /**
   * A side's rows by name ({@code <folder>-<kind>}: a run may hold several kinds), forks of all its runs together; an
   * unreadable profile leaves its fork out.
   */
  static Map<String, Row> read(List<Path> side) {
    Map<String, List<Stacks>> forks = new TreeMap<>();
    Map<String, Double> perSample = new HashMap<>();
    Map<String, String> kinds = new HashMap<>();
    for (Path p : side) {
      RunFolder run = RunFolder.of(p);
      Profile profile = Profile.of(run);
      List<CallCost> costs = CallCost.readAll(run, Problems.IGNORE);
      if (profile == null || !Files.isDirectory(run.profiles())) {
        continue;
      }
      try (DirectoryStream<Path> rows = Files.newDirectoryStream(run.profiles(), Files::isDirectory)) {
        for (Path row : rows) {
          String folder = row.getFileName().toString();
          List<Path> dirs = new ArrayList<>(List.of(row)); // all forks in one folder: one fork over all their calls
          try (DirectoryStream<Path> fs = Files.newDirectoryStream(row, RunFolder.FORK_PREFIX + "*")) {
            fs.forEach(dirs::add);
          }
          for (Path dir : dirs) {
            String pid = dir.equals(row) ? null
                : dir.getFileName().toString().substring(RunFolder.FORK_PREFIX.length());
            for (Path c : collapsed(dir)) {
              String kind = kindOf(c);
              String name = folder + "-" + kind;
              forks.computeIfAbsent(name, k -> new ArrayList<>())
                  .add(parse(Files.readAllLines(c), calls(costs, folder, pid)));
              kinds.putIfAbsent(name, kind);
              perSample.putIfAbsent(name, (double) profile.interval(kind));
            }
          }
        }
      } catch (IOException e) {
        // an unreadable profile folder leaves its rows out; the rest of the comparison stands
      }
    }
    Map<String, Row> out = new TreeMap<>();
    forks.forEach((name, list) -> {
      double interval = perSample.get(name);
      out.put(name, new Row(name, List.copyOf(list), interval > 0 ? interval : 1, unit(kinds.get(name), interval),
          kinds.get(name)));
    });
    return out;
  }

  /** The kind of a collapsed file ({@code collapsed-KIND.csv}): JMH names it by the event, ctimer or itimer for cpu. */
  static String kindOf(Path collapsed) {
    String n = collapsed.getFileName().toString();
    String k = n.substring(COLLAPSED.length(), n.length() - ".csv".length());
    return k.equals("ctimer") || k.equals("itimer") ? "cpu" : k;
  }

  /** What samples × interval measures for a kind; samples when the interval is not known. */
  static String unit(String kind, double interval) {
    if (interval <= 0) {
      return "samples";
    }
    return switch (kind) {
      case "cpu" -> "ns of CPU";
      case "wall" -> "ns of thread time";
      case "alloc" -> "bytes";
      default -> "samples";
    };
  }

  /** The measured calls of a row's fork ({@code pid}), or of all its forks (null); 0 when unknown. */
  private static long calls(List<CallCost> costs, String row, String pid) {
    return costs.stream().filter(c -> matches(row, c)).filter(c -> pid == null || c.trial().endsWith("-" + pid))
        .mapToLong(CallCost::calls).sum();
  }

  private static List<Path> collapsed(Path dir) throws IOException {
    List<Path> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, COLLAPSED + "*.csv")) {
      files.forEach(out::add);
    }
    out.sort(null);
    return out;
  }

  /** {@code client-okhttp-scheme-http}: JMH's profile folder spells the parameters so, in name order. */
  static String paramsId(Map<String, String> params) {
    StringBuilder s = new StringBuilder();
    new TreeMap<>(params).forEach((k, v) -> s.append(s.length() == 0 ? "" : "-").append(k).append('-').append(v));
    return s.toString();
  }

  private static boolean matches(String folder, CallCost c) {
    return folder.startsWith(c.benchmark() + "-") && folder.endsWith("-" + paramsId(c.params()));
  }

  /** Collapsed stacks ({@code a;b;c count} per line) over {@code calls} calls (0: unknown). */
  static Stacks parse(List<String> lines, long calls) {
    Map<String, Long> stacks = new HashMap<>();
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
      String stack = LAMBDA.matcher(line.substring(0, space)).replaceAll("\\$\\$Lambda");
      String[] frames = stack.split(";");
      samples += count;
      stacks.merge(stack, count, Long::sum);
      self.merge(frames[frames.length - 1], count, Long::sum);
      for (String f : new HashSet<>(List.of(frames))) { // a recursive frame counts once per stack
        total.merge(f, count, Long::sum);
      }
    }
    return new Stacks(stacks, self, total, samples, calls);
  }

  static Stacks pool(Stacks a, Stacks b) {
    return new Stacks(sum(a.stacks(), b.stacks()), sum(a.self(), b.self()), sum(a.total(), b.total()),
        a.samples() + b.samples(), a.calls() + b.calls());
  }

  private static Map<String, Long> sum(Map<String, Long> a, Map<String, Long> b) {
    Map<String, Long> out = new HashMap<>(a);
    b.forEach((k, v) -> out.merge(k, v, Long::sum));
    return out;
  }
}
