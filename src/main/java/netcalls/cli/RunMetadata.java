package netcalls.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Writes {@code run.json}: what ran, where, when, on what, and how many samples were kept or dropped. */
final class RunMetadata {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunMetadata() {}

  static void write(Path runDir, String runId, Instant start, Instant end, List<String> args, String target, int exitCode)
      throws IOException {
    long recorded = 0;
    long dropped = 0;
    for (JsonNode trial : trials(runDir)) {
      recorded += trial.path("recorded").asLong();
      dropped += trial.path("dropped").asLong();
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("runId", runId);
    m.put("start", start.toString());
    m.put("end", end.toString());
    m.put("gitCommit", gitCommit());
    m.put("jdk", System.getProperty("java.version"));
    m.put("vm", System.getProperty("java.vm.name"));
    m.put("host", hostName());
    m.put("args", args);
    m.put("target", target);
    m.put("exitCode", exitCode);
    m.put("recordedSamples", recorded);
    m.put("droppedSamples", dropped);
    JSON.writeValue(runDir.resolve("run.json").toFile(), m);
  }

  /** The trial descriptions under {@code samples/}, in name order. */
  static List<JsonNode> trials(Path runDir) throws IOException {
    Path samples = runDir.resolve("samples");
    List<Path> files = new java.util.ArrayList<>();
    if (Files.isDirectory(samples)) {
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(samples, "*.json")) {
        ds.forEach(files::add);
      }
    }
    files.sort(null);
    List<JsonNode> out = new java.util.ArrayList<>();
    for (Path f : files) {
      try {
        out.add(JSON.readTree(f.toFile()));
      } catch (IOException e) {
        throw new IOException(f + " is not valid JSON (" + e.getMessage() + "): the trial was cut short; delete the file or re-run", e);
      }
    }
    return out;
  }

  private static String hostName() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The checkout's commit when run from one, else null; never fails the run. */
  private static String gitCommit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "--short=12", "HEAD").redirectErrorStream(true).start();
      if (!p.waitFor(3, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return null;
      }
      String s = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      return p.exitValue() == 0 && s.matches("[0-9a-f]+") ? s : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
