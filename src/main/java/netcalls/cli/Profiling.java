package netcalls.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import netcalls.run.RunFolder;

/**
 * {@code --profile KIND[,KIND...]}: every trial runs under async-profiler through JMH's own {@code -prof async}, its flame
 * graphs and collapsed stacks written to the run folder's profiles/. The library comes from the
 * async-profiler jar on the classpath, extracted at run time for this platform. Everything that can be wrong is
 * found before any fork: the kind, the platform, the folder.
 */
final class Profiling {
  /**
   * A kind and its sampling interval, given explicitly so that samples x interval is a quantity (ns of CPU or wall
   * time, bytes): async-profiler's own defaults for cpu and wall; alloc every 128 KiB (its default, one sample per
   * TLAB, has no fixed size); lock has none (counted in samples).
   */
  enum Kind {
    cpu(10_000_000), alloc(128 * 1024), wall(50_000_000), lock(0);

    final long interval;

    Kind(long interval) {
      this.interval = interval;
    }
  }

  /**
   * What the forks are profiled with: the kinds, the event passed to async-profiler for the first (the main one),
   * the library and the folder. More than one kind: async-profiler records them together into one JFR file per
   * fork ({@code output=jfr}, the others as its {@code alloc}/{@code lock} options), which {@link ForkProfiles}
   * turns into collapsed stacks and a flame graph per kind.
   */
  record Plan(List<Kind> kinds, String event, Path library, Path dir) {
    Kind main() {
      return kinds.get(0);
    }

    /** The options of JMH's {@code -prof async}. */
    String jmhOptions() {
      StringBuilder o = new StringBuilder("libPath=" + library + ";output="
          + (kinds.size() == 1 ? "flamegraph,collapsed" : "jfr") + ";dir=" + dir + ";event=" + event);
      if (main().interval > 0) {
        o.append(";interval=").append(main().interval);
      }
      for (Kind k : kinds.subList(1, kinds.size())) {
        o.append(';').append(k.name()).append('=').append(k == Kind.alloc ? k.interval : 0); // lock: every wait
      }
      return o.toString();
    }

    /** The kinds as run.json and the points spell them: {@code cpu}, {@code cpu,alloc}. */
    String names() {
      return String.join(",", kinds.stream().map(Kind::name).toList());
    }
  }

  private Profiling() {}

  /**
   * One kind or more of {@code cpu}, {@code alloc}, {@code wall}, {@code lock}, comma-separated, the main one first
   * (a timer, cpu or wall, when there is one; async-profiler samples one timer at a time, so not both).
   */
  static List<Kind> kinds(String value) {
    List<Kind> kinds = new ArrayList<>();
    for (String v : value.split(",", -1)) {
      Kind k;
      try {
        k = Kind.valueOf(v.strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--profile " + value + (value.contains(",") ? ": " + v.strip() : "")
            + " is not a kind of profile: use cpu, alloc, wall or lock" + (value.contains(",") ? ", comma-separated"
            : ""));
      }
      if (!kinds.contains(k)) {
        kinds.add(k);
      }
    }
    if (kinds.contains(Kind.cpu) && kinds.contains(Kind.wall)) {
      throw new IllegalArgumentException("--profile " + value + ": cpu and wall together are refused (async-profiler"
          + " samples one timer at a time): run once with each");
    }
    kinds.sort(java.util.Comparator.comparing((Kind k) -> k == Kind.cpu || k == Kind.wall ? 0 : 1));
    return List.copyOf(kinds);
  }

  /** What one sample of each kind stands for (ns, bytes), for run.json; lock has none. */
  static java.util.Map<String, Long> intervals(List<Kind> kinds) {
    java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
    kinds.stream().filter(k -> k.interval > 0).forEach(k -> m.put(k.name(), k.interval));
    return m;
  }

  /** The folder of async-profiler's jar that holds this platform's library; refused where it has none. */
  static String platform(String osName, String osArch) {
    String os = osName.toLowerCase(Locale.ROOT);
    String arch = osArch.toLowerCase(Locale.ROOT);
    if (os.startsWith("linux") && (arch.equals("amd64") || arch.equals("x86_64"))) {
      return "linux-x64";
    }
    if (os.startsWith("linux") && (arch.equals("aarch64") || arch.equals("arm64"))) {
      return "linux-arm64";
    }
    if (os.startsWith("mac")) {
      return "macos";
    }
    throw new IllegalArgumentException("--profile: async-profiler has no library for " + osName + " " + osArch
        + " (it has linux-x64, linux-arm64 and macOS): run without --profile, or on one of those");
  }

  /** Checks the kind, the platform and the folder, extracts the library and picks the event: before any fork. */
  static Plan prepare(String value, RunFolder folder) {
    List<Kind> kinds = kinds(value);
    String platform = platform(System.getProperty("os.name"), System.getProperty("os.arch"));
    Path dir = folder.profiles();
    Path lib;
    try {
      Files.createDirectories(dir);
      Path probe = Files.createTempFile(dir, ".probe", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new IllegalArgumentException("--profile: cannot write the profile folder " + dir + " (" + e
          + "): make it writable or choose another --results DIR");
    }
    try {
      lib = extract(platform, Files.createTempDirectory("netcalls-async-profiler"));
    } catch (IOException e) {
      throw new IllegalArgumentException("--profile: cannot extract async-profiler's library for " + platform
          + " (" + e.getMessage() + "): check that the temporary folder is writable");
    }
    return new Plan(kinds, event(kinds.get(0), lib, platform), lib, dir);
  }

  /** The library file, copied out of the jar on the classpath. */
  static Path extract(String platform, Path into) throws IOException {
    String resource = platform + "/libasyncProfiler.so";
    try (InputStream in = Profiling.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException(resource + " is not on the classpath (the async-profiler jar is missing)");
      }
      Path lib = into.resolve("libasyncProfiler.so");
      Files.copy(in, lib, StandardCopyOption.REPLACE_EXISTING);
      lib.toFile().deleteOnExit();
      into.toFile().deleteOnExit();
      return lib;
    }
  }

  /**
   * The event for {@code kind}: cpu uses perf events where they are allowed, tried once with the library itself in
   * a JVM of its own (a library loaded here would make JMH's profiler fail to load it again); in a container that
   * forbids them, ctimer (Linux) or itimer (macOS) samples CPU time instead.
   */
  static String event(Kind kind, Path lib, String platform) {
    if (kind != Kind.cpu) {
      return kind.name();
    }
    String fallback = platform.equals("macos") ? "itimer" : "ctimer";
    String javaBin = ProcessHandle.current().info().command().orElse("java");
    try {
      Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), PerfCheck.class.getName(),
          lib.toString()).redirectErrorStream(true).start();
      p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return fallback;
      }
      return p.exitValue() == 0 ? "cpu" : fallback;
    } catch (IOException e) {
      return fallback;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fallback;
    }
  }

  /** Exits 0 when async-profiler can sample perf's cpu event in this JVM, 1 when it cannot. */
  static final class PerfCheck {
    private PerfCheck() {}

    public static void main(String[] args) {
      try {
        one.profiler.AsyncProfiler p = one.profiler.AsyncProfiler.getInstance(args[0]);
        p.execute("start,event=cpu,interval=10ms");
        p.execute("stop");
        System.exit(0);
      } catch (IOException | RuntimeException | UnsatisfiedLinkError e) {
        System.exit(1);
      }
    }
  }
}
