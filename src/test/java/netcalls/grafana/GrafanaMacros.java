package netcalls.grafana;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Grafana's InfluxDB data source does to a raw InfluxQL query before sending it: the time macros
 * ($timeFilter, $__interval, $__interval_ms, $__from, $__to) and template variables ($name, ${name},
 * [[name]]). A variable with several values selected, or one that allows "All", is written as Grafana
 * writes it for InfluxQL: each value regex-escaped and, when more than one, as {@code (a|b)}; a
 * single-select variable is written as its raw value.
 */
final class GrafanaMacros {
  /**
   * The values selected for a variable, and whether Grafana formats it as a regex (multi or include-all); {@code
   * allValue} is the variable's custom "All" value, written raw when "All" is selected (null otherwise).
   */
  record Selection(List<String> values, boolean regex, String allValue) {
    Selection(List<String> values, boolean regex) {
      this(values, regex, null);
    }

    String format() {
      if (allValue != null) {
        return allValue;
      }
      if (!regex) {
        return values.get(0);
      }
      List<String> escaped = values.stream().map(GrafanaMacros::escapeRegex).toList();
      return escaped.size() == 1 ? escaped.get(0) : "(" + String.join("|", escaped) + ")";
    }
  }

  // Grafana's escapeRegex for the InfluxDB data source: \ ^ $ * + ? . ( ) | [ ] { } /
  private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$*+?.()|\\[\\]{}/]");
  private static final Pattern VARIABLE = Pattern.compile("\\$(\\w+)|\\$\\{(\\w+)(?::\\w+)?}|\\[\\[(\\w+)]]");

  private final long fromMs;
  private final long toMs;
  private final String interval;
  private final long intervalMs;

  GrafanaMacros(long fromMs, long toMs, String interval, long intervalMs) {
    this.fromMs = fromMs;
    this.toMs = toMs;
    this.interval = interval;
    this.intervalMs = intervalMs;
  }

  static String escapeRegex(String value) {
    return REGEX_SPECIAL.matcher(value).replaceAll(m -> Matcher.quoteReplacement("\\" + m.group()));
  }

  /** The query as Grafana sends it; a variable that is neither a macro nor in {@code vars} is an error. */
  String apply(String query, Map<String, Selection> vars) {
    Matcher m = VARIABLE.matcher(query);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      String value = switch (name) {
        case "timeFilter" -> "time >= " + fromMs + "ms and time <= " + toMs + "ms";
        case "__interval" -> interval;
        case "__interval_ms" -> Long.toString(intervalMs);
        case "__from" -> Long.toString(fromMs);
        case "__to" -> Long.toString(toMs);
        default -> {
          Selection s = vars.get(name);
          if (s == null) {
            throw new IllegalArgumentException("unknown variable $" + name + " in: " + query);
          }
          yield s.format();
        }
      };
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The names of the template variables a text refers to (macros excluded). */
  static java.util.Set<String> variablesIn(String text) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
      if (!name.startsWith("__") && !name.equals("timeFilter")) {
        names.add(name);
      }
    }
    return names;
  }
}
