package netcalls.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.regex.Pattern;
import netcalls.run.ForkProperties;
import netcalls.report.ReportWriter;
import netcalls.run.RunFolder;
import netcalls.run.UserRequests;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs benchmarks with every JMH option intact, plus netcalls' own: a run folder with JMH's JSON,
 * the run's metadata, the per-request samples and a summary; the exporter's points after it.
 * The steps: check the options, plan the JMH runs, prepare the folder, run, write, finish.
 */
final class RunCommand {
  /**
   * What runs with no benchmark named, within 5 minutes on 2 cores with every trial warmed up until steady:
   * RequestLatency over every client × {reuse, new_client} over http, and PairedLatency (the blog's sequential vs
   * concurrent pair) with connection reuse. The steady-state warm-up costs up to 10 s a trial, so the default suite
   * leaves out https, shared_pool and no_keepalive rather than warming less (30 trials took 349 s:
   * scripts/default-suite-time.sh); {@code RequestLatency} or {@code PairedLatency} named on its own runs them all.
   */
  static final List<String> DEFAULT_SUITE = List.of("netcalls\\.bench\\.RequestLatency\\.", "netcalls\\.bench\\.PairedLatency\\.");
  /** The default suite's narrower parameters, by benchmark name prefix; a {@code -p} of the same key wins. */
  static final Map<String, Map<String, List<String>>> DEFAULT_SUITE_PARAMS =
      Map.of("netcalls.bench.PairedLatency.", Map.of("strategy", List.of("reuse")),
          "netcalls.bench.RequestLatency.", Map.of("strategy", List.of("reuse", "new_client"), "scheme", List.of("http")));

  /** What {@code --url} runs: each URL on its own. */
  static final String URL_BENCHMARK = "netcalls.bench.RequestLatency.";
  /** What {@code --pair} runs: the two URLs one after the other and both at once. */
  static final String PAIR_BENCHMARK = "netcalls.bench.PairedLatency.";

  private final PrintStream out = System.out;
  private final PrintStream err = System.err;
  /** {@code --profile}'s plan, or null: every trial's JMH run gets {@code -prof async} with it. */
  private Profiling.Plan profile;

  /** The JMH results of all runs, and what went wrong in any of them. */
  private record Outcome(List<RunResult> results, List<String> problems) {}

  int run(String[] args) {
    LaunchOptions options;
    CommandLineOptions cmd;
    try {
      options = LaunchOptions.split(args);
      cmd = new CommandLineOptions(options.jmhArgs.toArray(new String[0]));
    } catch (IllegalArgumentException e) {
      err.println("netcalls: " + e.getMessage());
      return 2;
    } catch (CommandLineOptionException e) {
      err.println("netcalls: " + e.getMessage() + " (run with -h for the options)");
      return 2;
    }
    if (cmd.shouldHelp()) {
      out.print(LaunchOptions.USAGE);
      try {
        cmd.showHelp();
      } catch (IOException e) {
        return 1;
      }
      return 0;
    }
    if (cmd.shouldList() || cmd.shouldListWithParams() || cmd.shouldListProfilers() || cmd.shouldListResultFormats()) {
      try {
        org.openjdk.jmh.Main.main(options.jmhArgs.toArray(new String[0]));
      } catch (Exception e) {
        err.println("netcalls: " + e.getMessage());
        return 1;
      }
      return 0;
    }
    try {
      return runBenchmarks(cmd, options, args);
    } catch (IllegalArgumentException e) {
      err.println("netcalls: " + e.getMessage());
      return 2;
    }
  }

  private int runBenchmarks(CommandLineOptions cmd, LaunchOptions options, String[] args) {
    ParamCheck.validate(cmd::getParameter);
    UserRequests user = options.userRequests();
    ParamCheck.userUrls(cmd::getParameter, !user.urls().isEmpty(), !user.pair().isEmpty());
    String influx = options.influx();
    Instant start = Instant.now();
    String runId = options.runId(start);
    RunFolder folder = RunFolder.of(options.results().resolve(runId));
    Map<String, List<String>> forced = forcedParams(cmd, options.target(), user);
    Map<String, Map<String, String[]>> declared = declaredBenchmarks(cmd, user);
    ParamNames.check(ParamNames.given(options.jmhArgs), declared, k -> cmd.getParameter(k).orElse(List.of()));
    forkJava(options, cmd); // a bad --jvm stops the run before any work
    ForkProperties fork = options.forkProperties(folder.dir());
    if (options.profile() != null) { // a bad kind or platform stops the run before any folder or fork
      Profiling.kinds(options.profile());
      Profiling.platform(System.getProperty("os.name"), System.getProperty("os.arch"));
    }
    try {
      return runBenchmarks(cmd, options, args, influx, start, folder, fork, forced, declared, user);
    } finally {
      if (fork.requests() != null) {
        deleteQuietly(fork.requests()); // the user's URLs and headers outlive no run
      }
    }
  }

  private int runBenchmarks(CommandLineOptions cmd, LaunchOptions options, String[] args, String influx, Instant start,
      RunFolder folder, ForkProperties fork, Map<String, List<String>> forced,
      Map<String, Map<String, String[]>> declared, UserRequests user) {
    String runId = folder.runId();
    boolean defaultSuite = cmd.getIncludes().isEmpty();
    Map<String, String> urlSchemes = new LinkedHashMap<>();
    user.urls().forEach(u -> urlSchemes.put(u.label(), u.scheme()));
    RunPlan plan = RunPlan.of(declared, (benchmark, key) -> forced.containsKey(key) ? forced.get(key)
        : cmd.getParameter(key).hasValue() ? cmd.getParameter(key).get()
        : defaultSuite ? defaultSuiteParam(benchmark, key) : null, urlSchemes);
    plan.leftOut.forEach(line -> out.println("# " + line));
    if (plan.runs.isEmpty()) {
      throw new IllegalArgumentException("every selected combination is unsupported: nothing to run");
    }
    prepare(folder, options.replace());
    profile = options.profile() == null ? null : Profiling.prepare(options.profile(), folder);
    if (profile != null) {
      out.println("# profiling every trial: " + profile.names() + " (async-profiler event " + profile.event() + ") -> "
          + profile.dir());
    }
    Runnable restore = fork.applyToThisJvm(); // for -f 0, where benchmarks run in this JVM
    out.println("# netcalls run " + runId + " -> " + folder.dir());

    Outcome outcome;
    try {
      outcome = runAll(cmd, plan, declared, forced, fork, folder, forkJava(options, cmd));
    } finally {
      restore.run();
    }
    Instant end = Instant.now();
    writeResults(cmd, outcome.results(), folder);
    int exit = outcome.problems().isEmpty() ? 0 : 1;
    exit = Math.max(exit, finish(folder, start, end, args, options, influx, exit, forkJava(options, cmd)));
    for (String p : outcome.problems()) {
      err.println("netcalls: FAILED " + p);
    }
    out.println("# run folder: " + folder.dir());
    return exit;
  }

  private static List<String> defaultSuiteParam(String benchmark, String key) {
    for (Map.Entry<String, Map<String, List<String>>> e : DEFAULT_SUITE_PARAMS.entrySet()) {
      if (benchmark.startsWith(e.getKey()) && e.getValue().containsKey(key)) {
        return e.getValue().get(key);
      }
    }
    return null;
  }

  /**
   * Parameters the launcher sets: the scheme of a {@code --target}, the blog's delay pair; with
   * {@code --url} no size (each URL's body is what it is; endpoint and scheme come per run from
   * {@link RunPlan}); with {@code --pair} its labels, its scheme and no delays.
   */
  private static Map<String, List<String>> forcedParams(CommandLineOptions cmd, String target, UserRequests user) {
    Map<String, List<String>> forced = new LinkedHashMap<>();
    if (!user.urls().isEmpty()) {
      forced.put("size", List.of("0"));
      return forced;
    }
    if (!user.pair().isEmpty()) {
      forced.put("endpoint", List.of(user.pairEndpoint()));
      forced.put("scheme", List.of(user.pair().get(0).scheme()));
      forced.put("delays", List.of("none"));
      return forced;
    }
    if (target != null) {
      URI uri = URI.create(target.trim());
      ParamCheck.schemeAgrees(target, uri.getScheme(), cmd.getParameter("scheme").orElse(List.of()));
      forced.put("scheme", List.of(uri.getScheme()));
    }
    List<String> pair = ParamCheck.delaysPair(cmd.getParameter("delays").orElse(List.of()));
    if (pair != null) {
      forced.put("delays", pair);
    }
    return forced;
  }

  /**
   * The selected benchmarks with their declared parameters. With {@code --url} only RequestLatency
   * (with {@code --pair} only PairedLatency) can run: the suite narrows to it, another is refused.
   */
  private static Map<String, Map<String, String[]>> declaredBenchmarks(CommandLineOptions cmd, UserRequests user) {
    String only = !user.urls().isEmpty() ? URL_BENCHMARK : !user.pair().isEmpty() ? PAIR_BENCHMARK : null;
    List<String> includes = !cmd.getIncludes().isEmpty() ? cmd.getIncludes()
        : only != null ? List.of(Pattern.quote(only)) : DEFAULT_SUITE;
    OutputFormat quiet = OutputFormatFactory.createFormatInstance(System.out, VerboseMode.SILENT);
    SortedSet<BenchmarkListEntry> found = BenchmarkList.defaultList().find(quiet, includes, cmd.getExcludes());
    if (found.isEmpty()) {
      throw new IllegalArgumentException("no benchmark matches " + includes + ": list them with -l");
    }
    Map<String, Map<String, String[]>> declared = new LinkedHashMap<>();
    for (BenchmarkListEntry e : found) {
      if (only != null && !e.getUsername().startsWith(only)) {
        boolean url = only.equals(URL_BENCHMARK);
        throw new IllegalArgumentException((url ? "--url runs RequestLatency" : "--pair runs PairedLatency")
            + " only, but " + e.getUsername() + " was selected: name that benchmark, or none");
      }
      declared.put(e.getUsername(), e.getParams().orElse(Map.of()));
    }
    return declared;
  }

  /**
   * Refuses an existing run folder, whatever it holds (an older run's run.json or jmh.json would be overwritten,
   * its samples mixed with this run's), unless {@code replace}: then an old run folder is deleted first. Proves the
   * folder writable.
   */
  private static void prepare(RunFolder folder, boolean replace) {
    Path dir = folder.dir();
    if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      if (!replace) {
        throw new IllegalArgumentException("the run folder " + dir + " already exists: choose another --run-id, or"
            + " add --replace to delete it and run again (its files would be overwritten or mixed with this run's)");
      }
      ExistingRun.delete(folder);
    }
    try {
      Files.createDirectories(folder.samples());
      Path probe = Files.createTempFile(folder.dir(), ".probe", ".tmp");
      Files.delete(probe);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot write the results folder " + folder.dir() + " (" + e
          + "): make it writable or choose another with --results DIR");
    }
  }

  /**
   * One JMH run per planned benchmark (so left-out combinations never run), each into a part file;
   * a parameter set JMH drops silently is counted as a problem.
   */
  private Outcome runAll(CommandLineOptions cmd, RunPlan plan, Map<String, Map<String, String[]>> declared,
      Map<String, List<String>> forced, ForkProperties fork, RunFolder folder, Path java) {
    List<String> prepend = new ArrayList<>(fork.jvmArgs());
    if (cmd.getJvmArgsPrepend().hasValue()) {
      prepend.addAll(cmd.getJvmArgsPrepend().get());
    }
    List<RunResult> all = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int part = 0;
    for (RunPlan.Run r : plan.runs) {
      String name = Pattern.quote(r.benchmark());
      Path partFile = folder.jmhPart(part++);
      ChainedOptionsBuilder b = new OptionsBuilder().parent(cmd)
          .include("^" + name + "$")
          // the parent's regexps would pull in every other benchmark: exclude all but this one
          .exclude("^(?!" + name + "$).*")
          .jvmArgsPrepend(prepend.toArray(new String[0]))
          .jvm(java.toString())
          .resultFormat(ResultFormatType.JSON)
          .result(partFile.toString());
      if (profile != null) {
        b.addProfiler("async", profile.jmhOptions());
        // after async: each fork's files to a folder of its own, a JFR of several kinds turned into stacks per kind
        b.addProfiler(ForkProfiles.class, ForkProfiles.initLine(profile));
      }
      Map<String, List<String>> params = new LinkedHashMap<>(forced);
      params.putAll(r.params());
      params.forEach((k, v) -> b.param(k, v.toArray(new String[0])));
      Collection<RunResult> got;
      try {
        got = new Runner(b.build()).run();
      } catch (RunnerException e) {
        problems.add(r.benchmark() + " " + r.params() + ": " + e.getMessage());
        continue;
      } finally {
        deleteQuietly(partFile);
      }
      int expected = new RunPlan.Run(r.benchmark(), overrides(cmd, declared.get(r.benchmark()), params))
          .expectedResults(declared.get(r.benchmark()));
      if (got.size() < expected) {
        problems.add(r.benchmark() + " " + r.params() + ": " + (expected - got.size()) + " of " + expected
            + " parameter sets failed (see the JMH output above)");
      }
      all.addAll(got);
    }
    return new Outcome(all, problems);
  }

  private static Map<String, List<String>> overrides(CommandLineOptions cmd, Map<String, String[]> declared,
      Map<String, List<String>> params) {
    Map<String, List<String>> overrides = new LinkedHashMap<>();
    for (String key : declared.keySet()) {
      if (params.containsKey(key)) {
        overrides.put(key, params.get(key));
      } else if (cmd.getParameter(key).hasValue()) {
        overrides.put(key, new ArrayList<>(cmd.getParameter(key).get()));
      }
    }
    return overrides;
  }

  /** The merged {@code jmh.json}, and the user's own {@code -rf/-rff} file when asked for. */
  private static void writeResults(CommandLineOptions cmd, List<RunResult> all, RunFolder folder) {
    ResultFormatFactory.getInstance(ResultFormatType.JSON, folder.jmhJson().toString()).writeOut(all);
    if (cmd.getResult().hasValue() || cmd.getResultFormat().hasValue()) {
      ResultFormatType type = cmd.getResultFormat().orElse(ResultFormatType.CSV);
      String file = cmd.getResult().orElse("jmh-result." + type.toString().toLowerCase());
      ResultFormatFactory.getInstance(type, file).writeOut(all);
    }
  }

  /** The java the forks run on: {@code --jvm}, else JMH's {@code -jvm}, else the launcher's own. */
  static Path forkJava(LaunchOptions options, CommandLineOptions cmd) {
    if (options.jvm() != null) {
      return options.jvm();
    }
    return cmd.getJvm().hasValue() ? ForkJdk.resolve(cmd.getJvm().get()) : ForkJdk.launcherJava();
  }

  /** run.json, the summary (printed and kept), report.html, then the exporter's points; returns the worst exit. */
  private int finish(RunFolder folder, Instant start, Instant end, String[] args, LaunchOptions options,
      String influx, int exit, Path java) {
    String target = options.userUrls() ? options.userRequests().urls().isEmpty()
        ? "pair " + options.userRequests().pair() : "urls " + options.userRequests().urls()
        : options.target() == null ? "built-in" : options.target();
    try {
      // never the raw URLs or header values: run.json is kept and shared
      RunMetadata.write(folder.dir(), folder.runId(), start, end, LaunchOptions.redacted(args), target, exit,
          ForkJdk.of(java));
      if (profile != null) {
        RunMetadata.addProfile(folder, profile.names(), profile.event(), Profiling.intervals(profile.kinds()));
      }
      String summary = Summary.render(folder.dir());
      Files.writeString(folder.summary(), summary);
      out.println();
      out.print(summary);
    } catch (IOException e) {
      err.println("netcalls: could not write the run's metadata or summary in " + folder.dir() + ": " + e);
      exit = 1;
    }
    try {
      out.println("report " + ReportWriter.write(folder.dir(), null));
    } catch (IOException | RuntimeException e) {
      err.println("netcalls: could not write the report in " + folder.dir() + ": " + e.getMessage()
          + " (re-run: java -jar target/benchmarks.jar report " + folder.dir() + ")");
      exit = 1;
    }
    if (options.export()) {
      exit = Math.max(exit, Export.afterRun(folder.dir(), influx, out, err));
    }
    return exit;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a leftover part file is harmless; the merged jmh.json is what counts
    }
  }
}
