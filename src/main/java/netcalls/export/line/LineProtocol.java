package netcalls.export.line;

import java.util.concurrent.TimeUnit;
import org.influxdb.dto.Point;

/**
 * Escaping rules of InfluxDB line protocol, as influxdb-java's {@link Point#lineProtocol()} applies them,
 * plus the sanitising that {@code Point} leaves to its caller.
 *
 * <p>{@code Point} drops empty tag values, writes newlines raw (which splits the point in two) and a
 * trailing backslash raw (which escapes the separator after it). InfluxDB 1.x cannot store a tag value
 * that ends in a backslash at all, so {@link #tagValue} maps those cases to something that survives the
 * round trip, and every point stays on one line.
 */
public final class LineProtocol {
  /** Stands for an empty or missing tag value, which {@code Point.tag} would otherwise drop silently. */
  public static final String NONE = "none";

  private LineProtocol() {}

  /**
   * A tag value InfluxDB stores as given: empty becomes {@value #NONE}; CR and LF become the two
   * characters {@code \r} and {@code \n} (as Telegraf's serializer writes them); trailing backslashes
   * are stripped (they would escape the separator after them), and what is left empty becomes
   * {@value #NONE}.
   */
  public static String tagValue(String raw) {
    if (raw == null || raw.isEmpty()) {
      return NONE;
    }
    String s = oneLine(raw);
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '\\') {
      end--;
    }
    return end == 0 ? NONE : s.substring(0, end);
  }

  /** CR and LF as the two-character escapes {@code \r} and {@code \n}, so a point never spans two lines. */
  public static String oneLine(String s) {
    if (s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return s.replace("\r", "\\r").replace("\n", "\\n");
  }

  /** Appends a measurement name, tag key, tag value or field key escaped as {@code Point} escapes it. */
  public static void appendKey(StringBuilder sb, String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == ' ' || c == ',' || c == '=') {
        sb.append('\\');
      }
      sb.append(c);
    }
  }

  /** Appends a string field value in quotes, with backslash and quote escaped as {@code Point} does. */
  public static void appendStringField(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == '"') {
        sb.append('\\');
      }
      sb.append(c);
    }
    sb.append('"');
  }

  /** The line of a point, time in nanoseconds; "" when {@code Point} found no finite field. */
  public static String line(Point point) {
    return point.lineProtocol(TimeUnit.NANOSECONDS);
  }

  /** The measurement of a line protocol line: up to the first unescaped comma or space. */
  public static String measurementOf(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == ',' || c == ' ') {
        return line.substring(0, i).replace("\\,", ",").replace("\\ ", " ");
      }
    }
    return line;
  }
}
