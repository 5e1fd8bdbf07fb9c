package netcalls.cli;

import static netcalls.run.RunJson.*;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import netcalls.read.Problems;
import netcalls.read.RunInfo;
import netcalls.read.RunReader;
import netcalls.read.Trial;
import netcalls.run.RunFolder;

/**
 * Writes {@code run.json}: what ran, where, when, on what, and how many samples were kept or dropped. The
 * testbed (CPU model, cores, kernel, JDK) and provenance (git commit, branch, dirty flag, JMH and netcalls
 * versions) let {@code compare} check that two runs are like with like.
 */
final class RunMetadata {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunMetadata() {}

  static void write(Path runDir, String runId, Instant start, Instant end, List<String> args, String target, int exitCode,
      ForkJdk forkJdk) throws IOException {
    long recorded = 0;
    long dropped = 0;
    for (Trial trial : trials(runDir)) {
      recorded += trial.recorded();
      dropped += trial.dropped();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(RUN_ID, runId);
    m.put(START, start.toString());
    m.put(END, end.toString());
    String commit = git("rev-parse", "--short=12", "HEAD");
    m.put(GIT_COMMIT, commit != null && commit.matches("[0-9a-f]+") ? commit : null);
    m.put(GIT_BRANCH, branch(System.getenv(), commit == null ? null : git("rev-parse", "--abbrev-ref", "HEAD")));
    // tracked files changed since the commit (untracked files do not make it dirty)
    m.put(GIT_DIRTY, commit == null ? null : gitExit("diff", "--quiet", "HEAD", "--") == 1);
    m.put(JMH_VERSION, org.openjdk.jmh.util.Version.getPlainVersion());
    m.put(NETCALLS_VERSION, netcallsVersion());
    // the forks' JDK is the one measured: the testbed names it, so compare sees a JDK change
    String jdk = forkJdk.version();
    m.put(JDK, jdk);
    Map<String, Object> fork = new LinkedHashMap<>();
    fork.put(FORK_JDK_PATH, forkJdk.path().toString());
    fork.put(FORK_JDK_VERSION, jdk);
    fork.put(FORK_JDK_VENDOR, forkJdk.vendor());
    m.put(FORK_JDK, fork);
    m.put(LAUNCHER_JDK, System.getProperty("java.version"));
    m.put(VM, System.getProperty("java.vm.name"));
    m.put(HOST, hostName());
    String cpu = cpuModel(Path.of("/proc/cpuinfo"));
    int cores = Runtime.getRuntime().availableProcessors();
    String kernel = System.getProperty("os.version");
    m.put(CPU_MODEL, cpu);
    m.put(CORES, cores);
    m.put(KERNEL, kernel);
    m.put(TESTBED, RunInfo.describeTestbed(cpu, (long) cores, kernel, jdk));
    m.put(CLIENTS, ClientVersions.describe());
    m.put(ARGS, args);
    m.put(TARGET, target);
    m.put(EXIT_CODE, exitCode);
    m.put(RECORDED_SAMPLES, recorded);
    m.put(DROPPED_SAMPLES, dropped);
    JSON.writeValue(RunFolder.of(runDir).runJson().toFile(), m);
  }

  /**
   * Marks run.json as a profiled run: the kind, the event and every file under profiles/ (relative to the run
   * folder, in name order), so that a reader finds the flame graphs without listing folders.
   */
  static void addProfile(RunFolder folder, String kind, String event, Map<String, Long> intervals)
      throws IOException {
    com.fasterxml.jackson.databind.node.ObjectNode root =
        (com.fasterxml.jackson.databind.node.ObjectNode) JSON.readTree(folder.runJson().toFile());
    com.fasterxml.jackson.databind.node.ObjectNode p = root.putObject(PROFILE);
    p.put(PROFILE_KIND, kind).put(PROFILE_EVENT, event);
    com.fasterxml.jackson.databind.node.ObjectNode each = p.putObject(PROFILE_INTERVALS);
    intervals.forEach(each::put);
    com.fasterxml.jackson.databind.node.ArrayNode files = p.putArray(PROFILE_FILES);
    if (Files.isDirectory(folder.profiles())) {
      try (java.util.stream.Stream<Path> all = Files.walk(folder.profiles())) {
        all.filter(Files::isRegularFile).map(f -> folder.dir().relativize(f).toString()).sorted().forEach(files::add);
      }
    }
    JSON.writeValue(folder.runJson().toFile(), root);
  }

  /**
   * The branch a run measured: $NETCALLS_BRANCH, else $GITHUB_REF_NAME (CI checks out a detached commit), else git's
   * own; null when none is known or git only says "HEAD" (detached).
   */
  static String branch(Map<String, String> env, String fromGit) {
    for (String name : List.of("NETCALLS_BRANCH", "GITHUB_REF_NAME")) {
      String v = env.get(name);
      if (v != null && !v.isBlank()) {
        return v.strip();
      }
    }
    return fromGit == null || fromGit.isBlank() || fromGit.equals("HEAD") ? null : fromGit;
  }

  /** The trial descriptions under {@code samples/}, read as every reader of a run reads them. */
  static List<Trial> trials(Path runDir) throws IOException {
    Problems.Errors problems = new Problems.Errors();
    List<Trial> trials = RunReader.trials(RunFolder.of(runDir), problems);
    List<String> errors = problems.list();
    if (!errors.isEmpty()) {
      throw new IOException(errors.get(0) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
    }
    return trials;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The first "model name" of /proc/cpuinfo (Linux), else the JVM's os.arch; never fails the run. */
  static String cpuModel(Path cpuinfo) {
    try {
      for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
        int colon = line.indexOf(':');
        if (colon > 0 && line.substring(0, colon).strip().equals("model name")) {
          return line.substring(colon + 1).strip();
        }
      }
    } catch (IOException e) {
      // not Linux, or not readable: fall through
    }
    return System.getProperty("os.arch");
  }

  /** The version Maven packed into the jar (META-INF/maven/.../pom.properties); null when run from classes. */
  private static String netcallsVersion() {
    try (java.io.InputStream in = RunMetadata.class.getResourceAsStream("/META-INF/maven/netcalls/netcalls/pom.properties")) {
      if (in == null) {
        return null;
      }
      java.util.Properties p = new java.util.Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }

  /** A git command's trimmed output in the working directory's checkout, or null (no git, no checkout); never fails the run. */
  private static String git(String... args) {
    Process p = gitProcess(args);
    if (p == null || p.exitValue() != 0) {
      return null;
    }
    try {
      return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      return null;
    }
  }

  /** A git command's exit code, -1 when it could not run. */
  private static int gitExit(String... args) {
    Process p = gitProcess(args);
    return p == null ? -1 : p.exitValue();
  }

  /** The finished git process (its output is a line at most, so waiting before reading cannot block), or null. */
  private static Process gitProcess(String... args) {
    try {
      List<String> cmd = new java.util.ArrayList<>(List.of("git"));
      cmd.addAll(List.of(args));
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(3, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      return p;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
