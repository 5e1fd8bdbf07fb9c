package netcalls.read;

import static netcalls.run.WarmupJson.BENCHMARK;
import static netcalls.run.WarmupJson.CALLS;
import static netcalls.run.WarmupJson.CONVERGED;
import static netcalls.run.WarmupJson.ELAPSED_MS;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import netcalls.run.RunFolder;

/** The run's {@code warmup/<trial>.json} files (docs/SAMPLES.md): how each trial's warm-up until steady went. */
public final class Warmups {
  private Warmups() {}

  /** One trial's warm-up. */
  public record Warmup(String trial, String benchmark, Map<String, String> params, boolean converged, long elapsedMs,
      long calls) {}

  /** Every readable file, by name; a damaged one is reported and left out. None for a run without the folder. */
  public static List<Warmup> read(RunFolder run, Problems problems) {
    List<Warmup> out = new ArrayList<>();
    Path dir = run.dir().resolve(RunFolder.WARMUP);
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
      ds.forEach(files::add);
    } catch (IOException e) {
      problems.error(dir + ": cannot be listed (" + e.getMessage() + "); warm-ups not shown");
      return out;
    }
    files.sort(null);
    for (Path f : files) {
      try {
        JsonNode n = Json.MAPPER.readTree(f.toFile());
        String name = f.getFileName().toString().replaceFirst("\\.json$", "");
        out.add(new Warmup(name, Json.text(n, BENCHMARK), Json.params(n), n.path(CONVERGED).asBoolean(false),
            n.path(ELAPSED_MS).asLong(), n.path(CALLS).asLong()));
      } catch (IOException | Json.BadField | RuntimeException e) {
        problems.error(f + ": " + e.getMessage() + "; this warm-up is not shown (the rest of the run is)");
      }
    }
    return out;
  }
}
