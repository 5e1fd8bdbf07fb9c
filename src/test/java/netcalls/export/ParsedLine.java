package netcalls.export;

import netcalls.export.line.*;
import netcalls.read.*;
import netcalls.export.sink.*;
import java.util.LinkedHashMap;
import java.util.Map;

/** A line protocol line split into its parts, for comparing with what InfluxDB gives back. */
record ParsedLine(String measurement, Map<String, String> tags, Map<String, Object> fields, long time) {

  static ParsedLine parse(String line) {
    int[] i = {0};
    String measurement = token(line, i, ",  ".toCharArray());
    Map<String, String> tags = new LinkedHashMap<>();
    while (line.charAt(i[0]) == ',') {
      i[0]++;
      String k = token(line, i, new char[] {'='});
      i[0]++;
      tags.put(k, token(line, i, new char[] {',', ' '}));
    }
    i[0]++;
    Map<String, Object> fields = new LinkedHashMap<>();
    while (true) {
      String k = token(line, i, new char[] {'='});
      i[0]++;
      Object v;
      if (line.charAt(i[0]) == '"') {
        StringBuilder sb = new StringBuilder();
        i[0]++;
        while (line.charAt(i[0]) != '"') {
          if (line.charAt(i[0]) == '\\') {
            i[0]++;
          }
          sb.append(line.charAt(i[0]++));
        }
        i[0]++;
        v = sb.toString();
      } else {
        String raw = token(line, i, new char[] {',', ' '});
        if (raw.equals("true") || raw.equals("false")) {
          v = Boolean.parseBoolean(raw);
        } else if (raw.endsWith("i")) {
          v = Long.parseLong(raw.substring(0, raw.length() - 1));
        } else {
          v = Double.parseDouble(raw);
        }
      }
      fields.put(k, v);
      if (line.charAt(i[0]) == ' ') {
        break;
      }
      i[0]++;
    }
    return new ParsedLine(measurement, tags, fields, Long.parseLong(line.substring(i[0] + 1)));
  }

  /** Reads up to an unescaped stop char; drops the backslash of \, \space and \= as InfluxDB does. */
  private static String token(String s, int[] i, char[] stops) {
    StringBuilder sb = new StringBuilder();
    while (i[0] < s.length()) {
      char c = s.charAt(i[0]);
      if (c == '\\' && i[0] + 1 < s.length() && ",= ".indexOf(s.charAt(i[0] + 1)) >= 0) {
        sb.append(s.charAt(i[0] + 1));
        i[0] += 2;
        continue;
      }
      for (char stop : stops) {
        if (c == stop) {
          return sb.toString();
        }
      }
      sb.append(c);
      i[0]++;
    }
    return sb.toString();
  }
}
