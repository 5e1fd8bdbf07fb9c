package netcalls.grafana;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netcalls.grafana.Dashboards.Dashboard;
import netcalls.grafana.Dashboards.Query;
import netcalls.grafana.GrafanaMacros.Selection;
import netcalls.grafana.GrafanaVariables.Resolved;

/**
 * A dashboard as Grafana 11.2 opens it against a real InfluxDB: its saved time range ending at {@code nowMs},
 * $__interval as Grafana derives it from the range, and its variables resolved by {@link GrafanaVariables}; then
 * its queries as Grafana sends them, and the run ids the opening chose (to check that a result is about them).
 */
record DashboardOpening(Dashboard dashboard, Map<String, Resolved> variables, GrafanaMacros macros, InfluxQl influx) {
  /** The variables that name what a dashboard shows: the runs, the comparison's sides, the hosts. */
  private static final List<String> CHOSEN = List.of("run", "baseline", "candidate", "base_runs", "cand_runs", "host");
  private static final Pattern RELATIVE = Pattern.compile("now-(\\d+)([mhd])");
  /** Grafana's maxDataPoints for a panel about 1000 px wide: the interval is the range over it, rounded. */
  private static final int MAX_DATA_POINTS = 1000;

  static DashboardOpening open(Dashboard d, InfluxQl influx, long nowMs, Map<String, String> overrides) {
    long from = nowMs - relative(d.json().path("time").path("from").asText());
    return open(d, influx, from, nowMs, overrides);
  }

  static DashboardOpening open(Dashboard d, InfluxQl influx, long fromMs, long toMs, Map<String, String> overrides) {
    long intervalMs = roundInterval((toMs - fromMs) / MAX_DATA_POINTS);
    GrafanaMacros macros = new GrafanaMacros(fromMs, toMs, (intervalMs / 1000) + "s", intervalMs);
    String where = d.file().getFileName().toString();
    Map<String, Resolved> vars = GrafanaVariables.resolve(d.variables(), overrides, selected -> q -> {
      List<List<String>> rows = new ArrayList<>();
      for (InfluxQl.Series s : send(influx, where + " variable query", macros.apply(q, selected))) {
        for (JsonNode row : s.values()) {
          List<String> r = new ArrayList<>();
          row.forEach(c -> r.add(c.isNull() ? null : c.asText()));
          rows.add(r);
        }
      }
      return rows;
    });
    return new DashboardOpening(d, vars, macros, influx);
  }

  /** The selections, for the macros. */
  Map<String, Selection> selections() {
    Map<String, Selection> out = new LinkedHashMap<>();
    variables.forEach((k, v) -> {
      if (v.selection() != null) {
        out.put(k, v.selection());
      }
    });
    return out;
  }

  /** The query as sent, failing with the variable that has no value. */
  String sent(String where, String text) {
    for (String name : GrafanaMacros.variablesIn(text)) {
      if (!variables.containsKey(name) || variables.get(name).selection() == null) {
        fail(where + ": variable $" + name + " has no value at the opening (its query returned no option)");
      }
    }
    return macros.apply(text, selections());
  }

  List<InfluxQl.Series> run(Query q) {
    return send(influx, q.toString(), sent(q.toString(), q.text()));
  }

  /** The run ids (and comparison sides, hosts) the opening chose; nightly's hosts bring their runs. */
  Set<String> chosen() {
    Set<String> ids = new LinkedHashSet<>();
    for (String name : CHOSEN) {
      Resolved r = variables.get(name);
      if (r != null && r.selection() != null) {
        ids.addAll(r.selection().values());
      }
    }
    Resolved host = variables.get("host");
    if (host != null && host.selection() != null) {
      for (InfluxQl.Series s : send(influx, "runs of the hosts", macros.apply(
          "SELECT \"run\", \"start\" FROM \"netcalls_run\" WHERE \"host\" =~ /^$host$/", selections()))) {
        s.values().forEach(row -> ids.add(row.get(1).asText()));
      }
    }
    return ids;
  }

  /** Whether any tag or cell of a result is a chosen id, or a comparison side made of chosen runs only. */
  static boolean mentions(List<InfluxQl.Series> result, Set<String> ids) {
    for (InfluxQl.Series s : result) {
      List<String> values = new ArrayList<>();
      if (s.tags() != null) {
        s.tags().forEach(t -> values.add(t.asText()));
      }
      s.values().forEach(row -> row.forEach(c -> values.add(c.asText())));
      for (String v : values) {
        if (ids.contains(v) || (v.contains("+") && ids.containsAll(List.of(v.split("\\+"))))) {
          return true;
        }
      }
    }
    return false;
  }

  static List<InfluxQl.Series> send(InfluxQl influx, String where, String sent) {
    try {
      return influx.query(sent);
    } catch (InfluxQl.QueryError e) {
      return fail(where + "\n  InfluxDB refused it: " + e.getMessage() + "\n  sent: " + sent);
    } catch (Exception e) {
      return fail(where + ": " + e + "\n  sent: " + sent);
    }
  }

  private static long relative(String from) {
    Matcher m = RELATIVE.matcher(from);
    if (!m.matches()) {
      throw new IllegalArgumentException("time.from " + from + ": only now-N[mhd] is modelled");
    }
    long n = Long.parseLong(m.group(1));
    return switch (m.group(2)) {
      case "m" -> TimeUnit.MINUTES.toMillis(n);
      case "h" -> TimeUnit.HOURS.toMillis(n);
      default -> TimeUnit.DAYS.toMillis(n);
    };
  }

  /** Grafana's rangeutil roundInterval: the interval rounded to a readable step (seconds at least, here). */
  static long roundInterval(long ms) {
    long[][] steps = {{1500, 1_000}, {3500, 2_000}, {7500, 5_000}, {12500, 10_000}, {17500, 15_000}, {25000, 20_000},
        {45000, 30_000}, {90000, 60_000}, {210000, 120_000}, {450000, 300_000}, {750000, 600_000},
        {1050000, 900_000}, {1500000, 1_200_000}, {2700000, 1_800_000}, {5400000, 3_600_000},
        {9000000, 7_200_000}, {16200000, 10_800_000}, {27000000, 21_600_000}, {86400000, 43_200_000},
        {604800000, 86_400_000}, {1814400000, 604_800_000}};
    for (long[] s : steps) {
      if (ms < s[0]) {
        return s[1];
      }
    }
    return 2_592_000_000L;
  }
}
