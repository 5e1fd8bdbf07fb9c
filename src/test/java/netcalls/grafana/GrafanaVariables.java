package netcalls.grafana;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netcalls.grafana.GrafanaMacros.Selection;

/**
 * What Grafana 11.2 selects in a dashboard's query variables when it opens the dashboard, each rule as Grafana's
 * source has it (grafana/grafana, the variables feature that 11.2 uses when the dashboard is not a scene):
 * <ol>
 *   <li>the options of a query variable are the values its query returns. For InfluxDB, each row's second column
 *       when the row has two or more, else its first ({@code public/app/plugins/datasource/influxdb/response_parser.ts}:
 *       "the tag name for SHOW TAG VALUES queries, the time field for SELECT queries": {@code value[1]}), without
 *       repeats, in the order the rows come;</li>
 *   <li>then the variable's regex keeps the matching values (its first group is the value when it has one) and
 *       its {@code sort} orders them: 0 as returned, 1 alphabetical, 2 alphabetical descending
 *       ({@code metricNamesToVariableValues} and {@code sortVariableValues} in
 *       {@code public/app/features/variables/utils.ts} and {@code query/reducer.ts});</li>
 *   <li>an include-All variable gets "All" in front ({@code options.unshift({ text: ALL_VARIABLE_TEXT ...})},
 *       query/reducer.ts {@code updateVariableOptions});</li>
 *   <li>the selection: the saved current value when it is among the options, else the first option
 *       ({@code validateVariableSelectionState} in {@code public/app/features/variables/state/actions.ts}: "1. find
 *       the current value ... 3. use the first value"), so All for an include-All variable that saves nothing;</li>
 *   <li>variables are refreshed in order, each query with the values chosen before it.</li>
 * </ol>
 * "All" is written as the variable's {@code allValue} when it has one, else as every option (GrafanaMacros).
 */
final class GrafanaVariables {
  /** A variable's options and what was selected. */
  record Resolved(String name, List<String> options, Selection selection) {}

  /** Grafana's value of the "All" option. */
  static final String ALL = "$__all";
  /** An override that selects every option of a multi-value variable without "All" (a user ticking each). */
  static final String EVERY = "\u0000every";

  private GrafanaVariables() {}

  /** The options of a query variable from its query's rows (rule 1, 2, 3); {@code rows}: every row of every series. */
  static List<String> options(JsonNode variable, List<List<String>> rows) {
    LinkedHashSet<String> values = new LinkedHashSet<>();
    for (List<String> row : rows) {
      String v = row.size() >= 2 ? row.get(1) : row.get(0);
      if (v != null) {
        values.add(v);
      }
    }
    List<String> out = new ArrayList<>();
    String regex = variable.path("regex").asText("");
    Pattern p = regex.isEmpty() ? null : jsRegex(regex);
    for (String v : values) {
      if (p == null) {
        out.add(v);
        continue;
      }
      Matcher m = p.matcher(v);
      if (m.find()) {
        out.add(m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : v);
      }
    }
    List<String> unique = new ArrayList<>(new LinkedHashSet<>(out));
    int sort = variable.path("sort").asInt(0);
    switch (sort) {
      case 0 -> { }
      case 1 -> unique.sort(Comparator.naturalOrder());
      case 2 -> unique.sort(Comparator.reverseOrder());
      default -> throw new IllegalArgumentException("variable $" + variable.path("name").asText() + ": sort " + sort
          + " is not modelled here (0, 1 and 2 are)");
    }
    return unique;
  }

  /** The selection at opening (rule 3, 4); null when the options are empty (Grafana shows "None"). */
  static Selection select(JsonNode variable, List<String> options) {
    if (options.isEmpty()) {
      return null;
    }
    List<String> withAll = new ArrayList<>(options);
    if (variable.path("includeAll").asBoolean()) {
      withAll.add(0, ALL);
    }
    JsonNode current = variable.path("current").path("value");
    List<String> saved = new ArrayList<>();
    if (current.isArray()) {
      current.forEach(c -> saved.add(c.asText()));
    } else if (current.isTextual()) {
      saved.add(current.asText());
    }
    List<String> kept = saved.stream().filter(withAll::contains).toList();
    if (kept.isEmpty()) {
      kept = List.of(withAll.get(0));
    }
    if (kept.contains(ALL)) {
      return choose(variable, options, null);
    }
    return new Selection(kept, variable.path("multi").asBoolean() || variable.path("includeAll").asBoolean());
  }

  /** {@code value} selected (null: All) in a variable with these options. */
  static Selection choose(JsonNode variable, List<String> options, String value) {
    boolean regex = variable.path("multi").asBoolean() || variable.path("includeAll").asBoolean();
    if (value != null) {
      return new Selection(List.of(value), regex);
    }
    String allValue = variable.has("allValue") && !variable.path("allValue").asText().isEmpty()
        ? variable.path("allValue").asText() : null;
    return new Selection(options, true, allValue);
  }

  /**
   * Every variable of a dashboard in order, at its opening selection, or at {@code overrides} (a value as a URL's
   * {@code var-NAME=} gives it; "$__all" for All) when given and among the options. {@code query} runs a variable's
   * query with the variables before it and returns its rows. The data source variable is not a query: its one option
   * here is the InfluxDB under test.
   */
  static Map<String, Resolved> resolve(List<JsonNode> variables, Map<String, String> overrides,
      Function<Map<String, Selection>, Function<String, List<List<String>>>> query) {
    Map<String, Resolved> out = new LinkedHashMap<>();
    Map<String, Selection> selected = new LinkedHashMap<>();
    for (JsonNode v : variables) {
      String name = v.path("name").asText();
      if (v.path("type").asText().equals("datasource")) {
        continue;
      }
      List<String> options = options(v, query.apply(selected).apply(v.path("query").asText()));
      Selection s;
      String o = overrides.get(name);
      if (EVERY.equals(o) && v.path("multi").asBoolean() && !options.isEmpty()) {
        s = new Selection(options, true);
      } else if (o != null && (o.equals(ALL) || options.contains(o))) {
        s = choose(v, options, o.equals(ALL) ? null : o);
      } else {
        s = select(v, options);
      }
      out.put(name, new Resolved(name, options, s));
      if (s != null) {
        selected.put(name, s);
      }
    }
    return out;
  }

  /** A regex as Grafana's variable editor takes it: {@code /pattern/flags} or a bare pattern. */
  private static Pattern jsRegex(String regex) {
    if (regex.startsWith("/") && regex.lastIndexOf('/') > 0) {
      int end = regex.lastIndexOf('/');
      String flags = regex.substring(end + 1);
      return Pattern.compile(regex.substring(1, end), flags.contains("i") ? Pattern.CASE_INSENSITIVE : 0);
    }
    return Pattern.compile(regex);
  }
}
