package netcalls.trace;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a recorder's rows back through the CSV writer, the same bytes a sample file holds. */
public final class Samples {
  private Samples() {}

  public static List<Map<String, String>> rows(SampleRecorder r) throws IOException {
    StringWriter w = new StringWriter();
    SampleWriter.writeCsv(r, w);
    return parse(w.toString());
  }

  /** Minimal RFC 4180 parsing for tests: quoted cells may hold commas, quotes and newlines. */
  public static List<Map<String, String>> parse(String csv) {
    List<List<String>> records = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cur.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n') {
        cur.add(cell.toString());
        cell.setLength(0);
        records.add(cur);
        cur = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    List<String> header = records.get(0);
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<String> rec : records.subList(1, records.size())) {
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), rec.get(i));
      }
      rows.add(m);
    }
    return rows;
  }
}
