package netcalls.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** samples/&lt;trial&gt;.json: what the trial was (docs/SAMPLES.md), and where its CSV is. */
record Trial(String name, Path csv, String benchmark, String mode, Map<String, String> params, Instant clockBase) {

  /** Null (with an error in the report) when the JSON cannot say which benchmark the samples belong to. */
  static Trial read(Path json, Path csv, ExportReport report) {
    String name = json.getFileName().toString().replaceFirst("\\.json$", "");
    String skip = "; samples/" + name + ".csv not exported: fix the file (docs/SAMPLES.md) and re-run the export";
    JsonNode n;
    try {
      n = Json.MAPPER.readTree(json.toFile());
    } catch (JsonProcessingException e) {
      report.error(json + ": line " + e.getLocation().getLineNr() + " column " + e.getLocation().getColumnNr()
          + ": " + e.getOriginalMessage() + skip);
      return null;
    } catch (IOException e) {
      report.error(json + ": " + e + skip);
      return null;
    }
    try {
      if (n == null || !n.isObject()) {
        throw new Json.BadField("(root)", "expected a JSON object");
      }
      String benchmark = Json.benchmark(n);
      Map<String, String> params = Json.params(n);
      return new Trial(name, csv, benchmark, Json.text(n, "mode"), params, Json.instant(n, "clockBase"));
    } catch (Json.BadField e) {
      report.error(json + ": " + e.getMessage() + skip);
      return null;
    }
  }
}
