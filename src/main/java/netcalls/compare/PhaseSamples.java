package netcalls.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * Median of each phase per trial (one trial = one fork) from a run's {@code samples/}: the trial's digest when
 * its JSON has one (the trial computed it from every sample), else its CSV read here (docs/SAMPLES.md).
 * Rows of the paired total ({@code leg=pair}) are left out: the legs are the requests.
 */
final class PhaseSamples {
  /** The phase columns, in the order the sample files have them; duration last. */
  static final List<String> PHASES = List.of("blocked", "dns", "connecting", "tls_handshaking", "sending", "waiting",
      "receiving", "duration");

  private PhaseSamples() {}

  /** Per key, one map per trial of phase name to median nanoseconds (phases absent from a trial left out). */
  static Map<Key, List<Map<String, Double>>> read(Path runDir, List<String> errors) {
    Map<Key, List<Map<String, Double>>> out = new HashMap<>();
    Path dir = runDir.resolve("samples");
    if (!Files.isDirectory(dir)) {
      return out;
    }
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
      ds.forEach(files::add);
    } catch (IOException e) {
      errors.add(dir + ": cannot be listed (" + e.getMessage() + "); phases are not compared for this run");
      return out;
    }
    files.sort(null);
    for (Path json : files) {
      String skip = "; its phases are left out of the comparison: fix or delete the file";
      JsonNode n;
      try {
        n = JmhJson.MAPPER.readTree(json.toFile());
      } catch (JsonProcessingException e) {
        errors.add(json + ": line " + e.getLocation().getLineNr() + ": " + e.getOriginalMessage() + skip);
        continue;
      } catch (IOException e) {
        errors.add(json + ": cannot be read (" + e.getMessage() + ")" + skip);
        continue;
      }
      String benchmark = n == null ? "" : n.path("benchmark").asText("");
      if (benchmark.isEmpty()) {
        errors.add(json + ": field benchmark: missing" + skip);
        continue;
      }
      Map<String, String> params = new TreeMap<>();
      n.path("params").properties().forEach(e -> params.put(e.getKey(), e.getValue().asText()));
      Map<String, Double> medians;
      JsonNode digest = n.path("digest").path("phaseMedians");
      if (digest.isObject() && !digest.isEmpty()) {
        medians = new LinkedHashMap<>();
        for (String phase : PHASES) {
          JsonNode v = digest.get(phase + "_ns");
          if (v != null && v.isNumber()) {
            medians.put(phase, v.doubleValue());
          }
        }
      } else {
        Path csv = json.resolveSibling(json.getFileName().toString().replaceFirst("\\.json$", ".csv"));
        medians = csvMedians(csv, errors);
      }
      if (!medians.isEmpty()) {
        out.computeIfAbsent(Key.of(benchmark, n.path("mode").asText(""), params), k -> new ArrayList<>()).add(medians);
      }
    }
    return out;
  }

  /** Phase medians of one sample CSV (HdrHistogram, 3 significant digits); bad rows are reported and skipped. */
  static Map<String, Double> csvMedians(Path csv, List<String> errors) {
    Map<String, Double> out = new LinkedHashMap<>();
    if (!Files.isRegularFile(csv)) {
      return out;
    }
    try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String header = r.readLine();
      if (header == null) {
        return out;
      }
      List<String> names = cells(header);
      int leg = names.indexOf("leg");
      int[] cols = new int[PHASES.size()];
      Histogram[] h = new Histogram[PHASES.size()];
      for (int i = 0; i < cols.length; i++) {
        cols[i] = names.indexOf(PHASES.get(i) + "_ns");
        h[i] = new Histogram(3);
      }
      long lineNo = 1;
      long bad = 0;
      String firstBad = null;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lineNo++;
        if (line.isEmpty()) {
          continue;
        }
        List<String> c = cells(line);
        try {
          if (c.size() != names.size()) {
            throw new IllegalArgumentException(c.size() + " cells where the header has " + names.size());
          }
          if (leg >= 0 && c.get(leg).equals("pair")) {
            continue;
          }
          for (int i = 0; i < cols.length; i++) {
            if (cols[i] >= 0 && !c.get(cols[i]).isEmpty()) {
              h[i].recordValue(Math.max(0, Long.parseLong(c.get(cols[i]))));
            }
          }
        } catch (IllegalArgumentException e) {
          bad++;
          if (firstBad == null) {
            firstBad = "line " + lineNo + ": " + e.getMessage();
          }
        }
      }
      if (bad > 0) {
        errors.add(csv + ": " + bad + " malformed row(s) left out, the first at " + firstBad
            + "; the other rows are used");
      }
      for (int i = 0; i < cols.length; i++) {
        if (h[i].getTotalCount() > 0) {
          out.put(PHASES.get(i), (double) h[i].getValueAtPercentile(50));
        }
      }
    } catch (IOException e) {
      errors.add(csv + ": cannot be read (" + e.getMessage() + "); its phases are left out of the comparison");
    }
    return out;
  }

  /** The cells of one RFC 4180 line (quoted cells may hold commas and doubled quotes; none spans lines here). */
  static List<String> cells(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (quoted) {
        if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (ch == '"') {
          quoted = false;
        } else {
          cell.append(ch);
        }
      } else if (ch == '"') {
        quoted = true;
      } else if (ch == ',') {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(ch);
      }
    }
    out.add(cell.toString());
    return out;
  }
}
