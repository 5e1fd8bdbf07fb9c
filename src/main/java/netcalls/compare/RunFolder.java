package netcalls.compare;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One run folder as compare reads it: its id, testbed, JMH series and per-trial phase medians. */
record RunFolder(Path dir, String runId, String gitCommit, Testbed testbed, Map<Key, Series> series,
    Map<Key, List<Map<String, Double>>> phases) {

  /**
   * Refuses a folder that is not a finished run. Every completeness rule lives here: today, a jmh.json that
   * exists and is not empty (a killed JMH leaves 0 bytes); a cut-short file is refused while it is read.
   */
  static void requireComplete(Path dir) throws CompareException {
    if (!Files.isDirectory(dir)) {
      throw new CompareException(dir + ": no such run folder: give results/<run-id> (a folder holding jmh.json)");
    }
    Path jmh = dir.resolve("jmh.json");
    if (!Files.isRegularFile(jmh)) {
      throw new CompareException(jmh + ": missing: the run did not finish (or this is not a run folder); re-run it");
    }
    try {
      if (Files.size(jmh) == 0) {
        throw new CompareException(jmh + ": empty (0 bytes): JMH was killed before it wrote its results;"
            + " the run is incomplete, re-run it");
      }
    } catch (IOException e) {
      throw new CompareException(jmh + ": cannot be read (" + e.getMessage() + ")");
    }
  }

  /** Reads a complete run; damaged parts that can be left out go to {@code errors}, notes to {@code warnings}. */
  static RunFolder read(Path dir, List<String> errors, List<String> warnings) throws CompareException {
    requireComplete(dir);
    Map<Key, Series> series = new LinkedHashMap<>();
    for (Series s : JmhJson.read(dir.resolve("jmh.json"), errors)) {
      series.merge(s.key(), s, Series::pool);
    }
    String runId = dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
    String commit = null;
    Testbed testbed = Testbed.UNKNOWN;
    Path runJson = dir.resolve("run.json");
    if (Files.isRegularFile(runJson)) {
      try {
        JsonNode n = JmhJson.MAPPER.readTree(runJson.toFile());
        runId = n.path("runId").asText(runId);
        commit = text(n, "gitCommit");
        testbed = new Testbed(text(n, "cpuModel"), n.path("cores").canConvertToInt() ? n.get("cores").asInt() : null,
            text(n, "kernel"), text(n, "jdk"));
      } catch (IOException e) {
        warnings.add(runJson + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + "):"
            + " run id and testbed unknown for this run");
      }
    }
    return new RunFolder(dir, runId, commit, testbed, series, PhaseSamples.read(dir, errors));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() || v.asText().isEmpty() ? null : v.asText();
  }
}
