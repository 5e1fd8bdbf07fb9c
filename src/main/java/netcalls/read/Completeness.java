package netcalls.read;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import netcalls.run.RunFolder;

/**
 * The one rule for what a complete run is, asked by export, compare, report and summary alike (docs/RELIABILITY.md).
 * A run folder is complete when it holds a jmh.json that is not empty, a run.json with an {@code end} and an
 * {@code exitCode} of 0 (the launcher writes both last), and every sample the run recorded: run.json's
 * {@code recordedSamples} equals the sum of the trials' {@code "recorded"} and each trial's CSV holds that many
 * rows. Each problem names the file and both counts.
 */
public final class Completeness {
  private Completeness() {}

  /** Why {@code run} is not a complete run, every reason; empty when it is. */
  public static List<String> problems(RunFolder run) {
    List<String> out = new ArrayList<>();
    String files = files(run);
    if (files != null) {
      out.add(files);
      if (!Files.isDirectory(run.dir())) {
        return out;
      }
    } else {
      String jmh = jmhWhole(run);
      if (jmh != null) {
        out.add(jmh);
      }
    }
    out.addAll(recorded(run));
    return out;
  }

  /** jmh.json and run.json are there: the part the exporter says in its own words while it reads them. */
  static String files(RunFolder run) {
    if (!Files.isDirectory(run.dir())) {
      return run.dir() + ": no such run folder: give results/<run-id> (a folder holding jmh.json)";
    }
    Path jmh = run.jmhJson();
    if (!Files.isRegularFile(jmh)) {
      return jmh + ": missing: the run did not finish (or this is not a run folder); re-run it";
    }
    try {
      if (Files.size(jmh) == 0) {
        return jmh + ": empty (0 bytes): JMH was killed before it wrote its results; the run is incomplete, re-run it";
      }
    } catch (IOException e) {
      return jmh + ": cannot be read (" + e.getMessage() + ")";
    }
    if (!Files.isRegularFile(run.runJson())) {
      return run.runJson() + ": missing: the launcher writes it when the run ends, so the run did not finish (or was"
          + " not made by the launcher); re-run it, or write run.json by hand with an end (docs/SAMPLES.md)";
    }
    return null;
  }

  /** Null when jmh.json parses whole, else its first problem (the file, the line and what to do). */
  private static String jmhWhole(RunFolder run) {
    List<String> bad = new ArrayList<>();
    try {
      if (JmhResults.read(run.jmhJson(), collect(bad), r -> { })) {
        return null;
      }
    } catch (IOException e) {
      return run.jmhJson() + ": cannot be read (" + e.getMessage() + ")";
    }
    return bad.isEmpty() ? run.jmhJson() + ": incomplete: re-run the benchmarks" : bad.get(0);
  }

  /**
   * run.json's end and exitCode (when run.json reads cleanly: a damaged one is reported by its reader), the
   * samples folder and every count the run recorded against what is there.
   */
  public static List<String> recorded(RunFolder run) {
    List<String> out = new ArrayList<>();
    RunInfo info = null;
    if (Files.isRegularFile(run.runJson())) {
      List<String> bad = new ArrayList<>();
      RunInfo read = RunInfo.read(run.dir(), collect(bad));
      if (bad.isEmpty()) {
        info = read;
      }
    }
    String runJson = run.runJson().toString();
    if (info != null && info.end() == null) {
      out.add(runJson + ": no \"end\": the run did not finish; re-run it, or add the end time (docs/SAMPLES.md),"
          + " or export --partial");
    }
    if (info != null && info.exitCode() == null) {
      out.add(runJson + ": no \"exitCode\": the launcher writes it when the run ends, so the run did not finish;"
          + " re-run it, or export --partial");
    } else if (info != null && info.exitCode() != 0) {
      out.add(runJson + ": exitCode " + info.exitCode() + ": the run failed (a benchmark or parameter set failed,"
          + " or it was interrupted); fix the cause and re-run, or export --partial to export what is there");
    }
    Path samples = run.samples();
    String notFolder = notAFolder(samples);
    if (notFolder != null) {
      out.add(samples + ": " + notFolder + ", not a folder: the run's samples cannot be read; restore samples/ from"
          + " a copy of the run, or export --partial");
    }
    List<Trial> trials = new ArrayList<>();
    Set<String> counted = new HashSet<>(); // trials whose JSON says what they recorded (a hand-made one may not)
    if (notFolder == null && Files.isDirectory(samples)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(samples, "*.json")) {
        for (Path json : ds) {
          String name = json.getFileName().toString();
          Trial t = Trial.read(json, run.samplesCsv(name.substring(0, name.length() - 5)), Problems.IGNORE);
          if (t != null) {
            trials.add(t);
            if (saysRecorded(json)) {
              counted.add(t.name());
            }
          }
        }
      } catch (IOException e) {
        out.add(samples + ": cannot be listed (" + e.getMessage() + ")");
      }
    }
    long sum = trials.stream().mapToLong(Trial::recorded).sum();
    if (info != null && info.recordedSamples() != null && info.recordedSamples() != sum) {
      out.add(runJson + ": \"recordedSamples\": " + info.recordedSamples() + ", but the trials in " + samples
          + " recorded " + sum + " (" + trials.size() + " trials): samples are missing; restore them from a copy of"
          + " the run, or export --partial");
    }
    for (Trial t : trials) {
      String rows = counted.contains(t.name()) ? rowsMatch(t) : null;
      if (rows != null) {
        out.add(rows);
      }
    }
    return out;
  }

  private static boolean saysRecorded(Path json) {
    try {
      return Json.MAPPER.readTree(json.toFile()).has("recorded");
    } catch (IOException e) {
      return false;
    }
  }

  /** Null when the trial's CSV holds the rows its JSON says it recorded, else why not. */
  static String rowsMatch(Trial t) {
    if (!Files.isRegularFile(t.csv())) {
      return null; // a JSON without its CSV is the reader's error
    }
    long rows;
    try {
      rows = CsvReader.countRecords(t.csv());
    } catch (CsvReader.TooLongException e) {
      return t.csv() + ": " + e.getMessage() + "; restore the trial from a copy of the run, or export --partial";
    } catch (IOException e) {
      return t.csv() + ": cannot be read (" + e.getMessage() + ")";
    }
    if (rows == t.recorded()) {
      return null;
    }
    return "trial " + t.name() + ": " + t.csv().getFileName() + " holds " + rows + " rows, but "
        + t.name() + ".json says \"recorded\": " + t.recorded() + ": " + (rows < t.recorded() ? "samples are missing"
        : "the files do not belong together") + "; restore the trial from a copy of the run, or export --partial";
  }

  /** What a samples path is when it is not a folder (a file, a broken link, a link loop); null for a folder or none. */
  private static String notAFolder(Path p) {
    if (Files.isDirectory(p)) {
      return null;
    }
    if (Files.isSymbolicLink(p)) {
      try {
        p.toRealPath();
        return "a link to a file";
      } catch (java.nio.file.FileSystemException e) {
        return e.getReason() != null && e.getReason().toLowerCase(java.util.Locale.ROOT).contains("too many")
            ? "a link loop" : "a broken link";
      } catch (IOException e) {
        return "a broken link";
      }
    }
    return Files.exists(p, LinkOption.NOFOLLOW_LINKS) ? "a regular file" : null;
  }

  private static Problems collect(List<String> errors) {
    return new Problems() {
      @Override
      public void error(String message) {
        errors.add(message);
      }

      @Override
      public void warn(String message) {}
    };
  }
}
