package netcalls.read;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import netcalls.run.RunFolder;

/**
 * Reads a run folder (docs/SAMPLES.md) into its validated parts: run.json, the trials under
 * samples/ and (streamed, see {@link JmhResults}) jmh.json. Every reader of a run (the exporter, the
 * summary) goes through here; every problem goes to {@link Problems}, naming the file.
 */
public final class RunReader {
  private RunReader() {}

  public static RunInfo runInfo(RunFolder run, Problems problems) {
    return RunInfo.read(run.dir(), problems);
  }

  /**
   * samples/*.json with their CSVs, in the order they ran (clockBase, then name), so series times
   * only move forward. A CSV without its JSON, or a JSON without its CSV, is an error.
   */
  public static List<Trial> trials(RunFolder run, Problems problems) throws IOException {
    List<Trial> trials = new ArrayList<>();
    Path samples = run.samples();
    if (!Files.isDirectory(samples)) {
      return trials;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(samples)) {
      ds.forEach(files::add);
    } catch (IOException e) {
      problems.error(samples + ": cannot be listed (" + e.getMessage() + "): give the user read access"
          + " (chmod u+rx); its trials are not read");
      return trials;
    }
    files.sort(Comparator.comparing(p -> p.getFileName().toString()));
    for (Path f : files) {
      String name = f.getFileName().toString();
      if (name.endsWith(RunFolder.CSV_SUFFIX)) {
        String trial = name.substring(0, name.length() - RunFolder.CSV_SUFFIX.length());
        Path json = run.samplesJson(trial);
        if (!Files.exists(json)) {
          problems.error(f + ": no " + json.getFileName() + " beside it, so its benchmark and parameters are"
              + " unknown; not exported (docs/SAMPLES.md)");
          continue;
        }
        Trial t = Trial.read(json, f, problems);
        if (t != null) {
          trials.add(t);
        }
      } else if (RunFolder.trialOf(f) != null) {
        Path csv = run.samplesCsv(RunFolder.trialOf(f));
        if (!Files.exists(csv)) {
          problems.error(f + ": no " + csv.getFileName() + " beside it: the trial's samples are missing");
        }
      }
    }
    trials.sort(Comparator.comparing((Trial t) -> t.clockBase() == null ? Instant.MAX : t.clockBase())
        .thenComparing(Trial::name));
    return cutToSteady(run, trials, problems);
  }

  /**
   * Each trial cut to its fork's steady segment: a result's forks ran in the order of their trials' clock bases,
   * so the i-th trial of a benchmark × parameter set is fork i, and its samples from the start of the fork's first
   * kept iteration on are kept. When the files do not line up (a trial missing, or written before iteration starts
   * were kept), the samples are kept whole and a warning says so.
   */
  static List<Trial> cutToSteady(RunFolder run, List<Trial> trials, Problems problems) throws IOException {
    if (trials.isEmpty() || !Files.exists(run.jmhJson())) {
      return trials;
    }
    java.util.Map<String, List<SteadySegments.Fork>> forks = new java.util.HashMap<>();
    JmhResults.read(run.jmhJson(), Problems.IGNORE, r -> forks.put(joinKey(r.benchmark(), r.params()),
        r.primary().forks()));
    java.util.Map<String, List<Integer>> byKey = new java.util.LinkedHashMap<>();
    for (int i = 0; i < trials.size(); i++) {
      byKey.computeIfAbsent(joinKey(trials.get(i).benchmark(), trials.get(i).params()), k -> new ArrayList<>()).add(i);
    }
    List<Trial> out = new ArrayList<>(trials);
    byKey.forEach((key, indexes) -> {
      List<SteadySegments.Fork> fs = forks.get(key);
      if (fs == null || fs.stream().allMatch(f -> f.steadyFrom() == 0)) {
        return; // nothing cut (or no JMH result): every sample is kept
      }
      if (fs.size() != indexes.size()) {
        problems.warn(trials.get(indexes.get(0)).name() + " and its kin: " + indexes.size() + " trial file(s) for "
            + fs.size() + " fork(s), so their samples are not cut to the steady segment (phases include warm-up)");
        return;
      }
      for (int f = 0; f < fs.size(); f++) {
        Trial t = trials.get(indexes.get(f));
        SteadySegments.Fork fork = fs.get(f);
        if (fork.steadyFrom() == 0) {
          continue;
        }
        if (t.iterationStarts().size() != fork.iterations()) {
          problems.warn(t.name() + ": " + t.iterationStarts().size() + " iteration starts for " + fork.iterations()
              + " measured iterations, so its samples are not cut to the steady segment (phases include warm-up)");
          continue;
        }
        out.set(indexes.get(f), t.withSteadyFrom(t.iterationStarts().get(fork.steadyFrom())));
      }
    });
    return out;
  }

  private static String joinKey(String benchmark, java.util.Map<String, String> params) {
    return benchmark + " " + new java.util.TreeMap<>(params);
  }

  /** openloop/*.json: one constant-rate outcome per fork (docs/OPENLOOP.md), by trial name. */
  public static List<OpenLoopResult> openLoop(RunFolder run, Problems problems) {
    return OpenLoopResult.readAll(run, problems);
  }

  /** jmh.json's results, one at a time; true when the file is whole (see {@link JmhResults#read}). */
  public static boolean jmhResults(RunFolder run, Problems problems, JmhResults.Handler handler) throws IOException {
    return JmhResults.read(run.jmhJson(), problems, handler);
  }

  /**
   * Why a run folder is not a complete run ({@link Completeness}, the one rule), the first reason; null when it is
   * complete. Whether jmh.json parses whole is known once it is read ({@link #jmhResults} returns it).
   */
  public static String incomplete(RunFolder run) {
    List<String> why = Completeness.problems(run);
    return why.isEmpty() ? null : why.get(0);
  }
}
