package netcalls.read;

import static netcalls.run.RunJson.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import netcalls.run.RunFolder;

/**
 * A profiled run's mark in run.json ({@code profile}): the kind, the event, the files under profiles/ and what one
 * sample stands for ({@code interval}: ns or bytes; 0 when not recorded).
 * Profiling changes the numbers, so readers say so and {@code compare} refuses to gate profiled against unprofiled.
 */
public record Profile(String kind, String event, List<String> files, long interval) {

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
    return new Profile(p.path(PROFILE_KIND).asText("?"), p.path(PROFILE_EVENT).asText("?"), List.copyOf(files),
        p.path(PROFILE_INTERVAL).asLong(0)); // 0: a run from before netcalls set the interval

  }

  /** The flame graphs (HTML), relative to the run folder. */
  public List<String> flameGraphs() {
    return files.stream().filter(f -> f.endsWith(".html")).toList();
  }

  /** One line for the summary and the report. */
  public String describe() {
    return "profiled run (" + kind + ", async-profiler event " + event + "): its numbers include the profiler's"
        + " overhead; " + flameGraphs().size() + " flame graph(s) under " + RunFolder.PROFILES + "/";
  }
}
