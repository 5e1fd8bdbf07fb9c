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
      if (name.endsWith(".csv")) {
        String trial = name.substring(0, name.length() - 4);
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
      } else if (name.endsWith(".json")) {
        Path csv = run.samplesCsv(name.substring(0, name.length() - 5));
        if (!Files.exists(csv)) {
          problems.error(f + ": no " + csv.getFileName() + " beside it: the trial's samples are missing");
        }
      }
    }
    trials.sort(Comparator.comparing((Trial t) -> t.clockBase() == null ? Instant.MAX : t.clockBase())
        .thenComparing(Trial::name));
    return trials;
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
