package netcalls.read;

import static netcalls.run.RunJson.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netcalls.run.RunFolder;

/**
 * A profiled run's mark in run.json ({@code profile}): the kind (or kinds, comma-separated), the event, the files
 * under profiles/ and what one sample of each kind stands for ({@code intervals}: ns or bytes).
 * Profiling changes the numbers, so readers say so and {@code compare} refuses to gate profiled against unprofiled.
 */
public record Profile(String kind, String event, List<String> files, Map<String, Long> intervals) {

  /** The run's profile, or null for a run without one (or a run.json that cannot be read: RunInfo says why). */
  public static Profile of(RunFolder run) {
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(run.runJson().toFile());
    } catch (IOException e) {
      return null;
    }
    JsonNode p = n == null ? null : n.get(PROFILE);
    if (p == null || !p.isObject()) {
      return null;
    }
    List<String> files = new ArrayList<>();
    p.path(PROFILE_FILES).forEach(f -> files.add(f.asText()));
    Map<String, Long> intervals = new TreeMap<>(); // none in a run from before netcalls set them
    p.path(PROFILE_INTERVALS).fields().forEachRemaining(e -> intervals.put(e.getKey(), e.getValue().asLong()));
    return new Profile(p.path(PROFILE_KIND).asText("?"), p.path(PROFILE_EVENT).asText("?"), List.copyOf(files),
        Map.copyOf(intervals));
  }

  /** The flame graphs (HTML), relative to the run folder. */
  public List<String> flameGraphs() {
    return files.stream().filter(f -> f.endsWith(".html")).toList();
  }

  /** The kinds recorded, one or more. */
  public List<String> kinds() {
    return List.of(kind.split(","));
  }

  /** What one sample of {@code kind} stands for (ns, bytes); 0 when unknown (lock, or an older run). */
  public long interval(String kind) {
    return intervals.getOrDefault(kind, 0L);
  }

  /** One line for the summary and the report. */
  public String describe() {
    return "profiled run (" + kind + ", async-profiler event " + event + "): its numbers include the profiler's"
        + " overhead; " + flameGraphs().size() + " flame graph(s) under " + RunFolder.PROFILES + "/";
  }
}
