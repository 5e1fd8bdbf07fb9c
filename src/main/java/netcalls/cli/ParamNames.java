package netcalls.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code -p} names and values a user gave, checked against the parameters the chosen benchmarks declare, before
 * any fork: JMH ignores a name no benchmark has (so {@code -p stratgey=new_client} ran every strategy), and a value
 * of a numeric parameter that is not a number failed only inside the fork. Pure.
 */
final class ParamNames {
  private ParamNames() {}

  /** The names given with {@code -p name=values} (or {@code -pname=values}) among JMH's arguments. */
  static List<String> given(List<String> jmhArgs) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < jmhArgs.size(); i++) {
      String a = jmhArgs.get(i);
      String spec = a.equals("-p") && i + 1 < jmhArgs.size() ? jmhArgs.get(++i)
          : a.startsWith("-p") && a.length() > 2 && a.contains("=") ? a.substring(2) : null;
      if (spec != null && spec.contains("=")) {
        names.add(spec.substring(0, spec.indexOf('=')).trim());
      }
    }
    return names;
  }

  /**
   * Throws when a given name is declared by none of the benchmarks ({@code declared}: benchmark to its parameters
   * and their declared values), naming those it could be; or when a value is not a number where every declared
   * value is one.
   */
  static void check(List<String> names, Map<String, Map<String, String[]>> declared,
      java.util.function.Function<String, Collection<String>> values) {
    Map<String, List<String>> all = new TreeMap<>();
    declared.values().forEach(params -> params.forEach((k, v) -> all.computeIfAbsent(k, x -> new ArrayList<>())
        .addAll(List.of(v))));
    for (String name : names) {
      if (!all.containsKey(name)) {
        String near = nearest(name, all.keySet());
        throw new IllegalArgumentException("-p " + name + ": no chosen benchmark has this parameter"
            + (near == null ? "" : " (did you mean " + near + "?)") + "; they have " + new TreeSet<>(all.keySet()));
      }
      List<String> declaredValues = all.get(name);
      if (!declaredValues.isEmpty() && declaredValues.stream().allMatch(ParamNames::number)) {
        for (String v : values.apply(name)) {
          if (!number(v.trim())) {
            throw new IllegalArgumentException("-p " + name + "=" + v + ": give a number, e.g. "
                + declaredValues.get(0));
          }
        }
      }
    }
  }

  private static boolean number(String s) {
    return s.matches("-?\\d{1,18}(\\.\\d+)?");
  }

  /** The declared name closest to {@code name} (edit distance at most 3), or null. */
  static String nearest(String name, Collection<String> names) {
    String best = null;
    int bestDistance = 4;
    for (String n : names) {
      int d = distance(name.toLowerCase(java.util.Locale.ROOT), n.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = n;
      }
    }
    return best;
  }

  /** Levenshtein distance with adjacent transpositions counted as one edit. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
