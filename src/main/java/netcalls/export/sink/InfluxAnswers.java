package netcalls.export.sink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import netcalls.export.line.LineProtocol;

/**
 * What InfluxDB 1.x's answers mean and what to tell the user about them: which are final, how many lines a
 * partial write dropped and which it names, what to do about a limit, and InfluxQL quoting. Pure functions,
 * kept apart from {@link InfluxSink}'s sending.
 */
final class InfluxAnswers {
  private InfluxAnswers() {}

  /** The lines of the batch that an "unable to parse 'LINE': reason" names. */
  static List<LineBatcher.Line> parseErrorLines(List<LineBatcher.Line> batch, String error) {
    List<LineBatcher.Line> out = new ArrayList<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("unable to parse '(.*?)': ").matcher(error);
    while (m.find()) {
      for (LineBatcher.Line l : batch) {
        if (l.text().equals(m.group(1))) {
          out.add(l);
          break;
        }
      }
    }
    return out;
  }

  /** N of "dropped=N", or -1. */
  static long dropped(String error) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("dropped=(\\d+)").matcher(error);
    return m.find() ? Long.parseLong(m.group(1)) : -1;
  }

  /** What to do about a reason that refuses every line. */
  static String whatToDo(String error) {
    String e = error.toLowerCase(java.util.Locale.ROOT);
    if (e.contains("max-values-per-tag")) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("tag=\"?([^\" ]+)\"?").matcher(error);
      String tag = m.find() ? m.group(1) : "?";
      return "InfluxDB's max-values-per-tag limit is reached for tag '" + tag + "' (each run adds a value to"
          + " 'run'): raise [data] max-values-per-tag in influxdb.conf (0 = no limit) and restart InfluxDB, or"
          + " drop old runs (DROP SERIES WHERE run = '...'), then re-run the export";
    }
    if (e.contains("retention policy")) {
      return "The database's default retention policy keeps less than the run's age: write to a database with a"
          + " longer one (--database), or lengthen it (ALTER RETENTION POLICY ... DURATION INF), then re-run";
    }
    if (e.contains("field type conflict")) {
      return "A field already holds another type in this database (points of an older netcalls?): write to a"
          + " new database (--database), or drop the measurement, then re-run";
    }
    return "Fix the cause and re-run the export";
  }

  /** Answers that retrying cannot change. */
  static boolean isFinal(InfluxHttp.Answer a) {
    String e = a.error() == null ? "" : a.error().toLowerCase(java.util.Locale.ROOT);
    return a.code() == 401 || a.code() == 403 || a.code() == 404 || isAuth(e)
        || e.contains("retention policy not found") || e.contains("database not found");
  }

  static boolean isAuth(String error) {
    String e = error == null ? "" : error.toLowerCase(java.util.Locale.ROOT);
    return e.contains("authorization failed") || e.contains("not authorized") || e.contains("user is required")
        || e.contains("authentication");
  }

  /** One line: what the server said and what to do; retrying would not help. */
  static String finalAdvice(InfluxHttp.Answer a, InfluxTarget target) {
    String database = target.database();
    String e = a.error() == null ? "" : a.error();
    String said = shorten(e) + " (HTTP " + a.code() + ")";
    String l = e.toLowerCase(java.util.Locale.ROOT);
    boolean auth = a.code() == 401 || a.code() == 403 || isAuth(e) || l.contains("unauthorized");
    if (target.token() != null && auth) {
      return said + ": InfluxDB refused the token; give --influx-token (or INFLUX_TOKEN) a token with write access"
          + " to the bucket mapped to database " + database + ", then re-run the export";
    }
    if (target.token() != null && (l.contains("not found") || a.code() == 404)) {
      return said + ": with a token (InfluxDB 2.x/3.x) netcalls creates nothing: create a bucket and its DBRP"
          + " mapping to database " + database + " (retention policy autogen), or pick another (--database), then"
          + " re-run the export";
    }
    if (auth) {
      return said + ": InfluxDB refused the credentials; set INFLUX_USER and INFLUX_PASSWORD to a user with WRITE"
          + " on database " + database + ", then re-run the export";
    }
    if (l.contains("retention policy not found")) {
      return said + ": the database's default retention policy does not exist; create it (CREATE RETENTION POLICY"
          + " ... DEFAULT) or pick another database (--database), then re-run the export";
    }
    if (l.contains("database not found") || a.code() == 404) {
      return said + ": database " + database + " does not exist and could not be created (no admin"
          + " rights?); create it (CREATE DATABASE) or pick another (--database), then re-run the export";
    }
    return said;
  }

  /** The scope as an InfluxQL condition on the stored (sanitised) tag values. */
  static String where(Map<String, String> scope) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(scope).forEach((k, v) -> {
      if (sb.length() > 0) {
        sb.append(" AND ");
      }
      sb.append(quoteIdent(k)).append(" = ").append(quoteString(LineProtocol.tagValue(v)));
    });
    return sb.toString();
  }

  static String quoteString(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  static String quoteIdent(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** InfluxDB's reason whole, with each line it echoes ('...') cut to its first 80 characters. */
  static String shortenEchoes(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("'([^']{100,})'").matcher(s);
    int at = 0;
    while (m.find()) {
      out.append(s, at, m.start()).append('\'').append(m.group(1), 0, 80).append("...'");
      at = m.end();
    }
    return out.append(s.substring(at)).toString().replace('\n', ' ');
  }

  /** A reason that is not an echo of our lines, kept to one readable line. */
  static String shorten(String s) {
    String t = shortenEchoes(s);
    return t.length() <= 1000 ? t : t.substring(0, 1000) + "...";
  }
}
