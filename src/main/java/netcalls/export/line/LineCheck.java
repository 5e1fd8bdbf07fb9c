package netcalls.export.line;

/**
 * Whether a line is well-formed InfluxDB line protocol (measurement[,tag=value...] field=value[,...] time), so a
 * listener that cannot answer (UDP, where one bad line loses its whole datagram) is never sent one. Checks the
 * shape the exporter writes: escapes, quoted strings, integer/float/boolean values, a nanosecond timestamp.
 */
public final class LineCheck {
  private LineCheck() {}

  /** What is wrong with the line, or null when it is well-formed. */
  public static String problem(String line) {
    int n = line.length();
    int i = 0;
    // measurement and tags: up to the first unescaped space
    int tagsEnd = -1;
    for (; i < n; i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ' ') {
        tagsEnd = i;
        break;
      }
    }
    if (tagsEnd <= 0) {
      return "no fields (a line is: measurement[,tag=value] field=value time)";
    }
    java.util.List<String> parts = splitUnescaped(line.substring(0, tagsEnd), ',');
    if (parts.get(0).isEmpty()) {
      return "no measurement name";
    }
    for (String tag : parts.subList(1, parts.size())) {
      int eq = indexUnescaped(tag, '=');
      if (eq <= 0 || eq == tag.length() - 1) {
        return "tag \"" + tag + "\" is not key=value";
      }
    }
    // fields: up to the next space outside quotes
    i = tagsEnd + 1;
    int fieldsStart = i;
    boolean quoted = false;
    for (; i < n; i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ' ' && !quoted) {
        break;
      }
    }
    if (quoted) {
      return "a string field has no closing quote";
    }
    String fields = line.substring(fieldsStart, Math.min(i, n));
    if (fields.isEmpty()) {
      return "no fields";
    }
    for (String f : splitOutsideQuotes(fields)) {
      int eq = indexUnescaped(f, '=');
      if (eq <= 0 || eq == f.length() - 1) {
        return "field \"" + f + "\" is not key=value";
      }
      String v = f.substring(eq + 1);
      if (!value(v)) {
        return "field \"" + f.substring(0, eq) + "\": " + v + " is not a number, integer (1i), boolean or \"string\"";
      }
    }
    if (i >= n) {
      return null; // no timestamp: the server's time (the exporter always writes one)
    }
    String time = line.substring(i + 1);
    if (!time.matches("-?\\d{1,19}")) {
      return "timestamp \"" + time + "\" is not an integer of nanoseconds";
    }
    try {
      Long.parseLong(time);
    } catch (NumberFormatException e) {
      return "timestamp " + time + " does not fit 64 bits";
    }
    return null;
  }

  private static boolean value(String v) {
    if (v.startsWith("\"")) {
      return v.length() >= 2 && v.endsWith("\"") && v.charAt(v.length() - 2) != '\\' || v.equals("\"\"");
    }
    if (v.matches("-?\\d+i") || v.matches("\\d+u")) {
      return true;
    }
    if (v.matches("(?i)t|true|f|false")) {
      return true;
    }
    try {
      double d = Double.parseDouble(v);
      return Double.isFinite(d) && !v.matches("(?i).*(nan|inf|[xp]).*") && !v.endsWith("d") && !v.endsWith("f");
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static java.util.List<String> splitUnescaped(String s, char sep) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int start = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == sep) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  private static java.util.List<String> splitOutsideQuotes(String s) {
    java.util.List<String> out = new java.util.ArrayList<>();
    int start = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        out.add(s.substring(start, i));
        start = i + 1;
      }
    }
    out.add(s.substring(start));
    return out;
  }

  private static int indexUnescaped(String s, char c) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == '\\') {
        i++;
      } else if (s.charAt(i) == c) {
        return i;
      }
    }
    return -1;
  }
}
