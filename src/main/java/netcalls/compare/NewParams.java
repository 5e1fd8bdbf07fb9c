package netcalls.compare;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A parameter that one side's benchmark has and the other side's does not: the suite grew it between the two
 * runs (as {@code protocol}, {@code hosts} and {@code endpoint} did). When the side that has it ran one value
 * only, that value is what the older side measured too, so the parameter is left out of that benchmark's rows
 * and they match again, with a warning. With several values nothing can say which one the older side ran; the
 * rows stay one-sided and the warning names the ways out.
 */
final class NewParams {
  private NewParams() {}

  /** Per benchmark, the parameters to leave out of its rows on both sides; every decision adds a warning. */
  static Map<String, Set<String>> find(List<ComparedRun> base, List<ComparedRun> cand, List<String> warnings) {
    Map<String, Map<String, Set<String>>> b = valuesByBenchmark(base);
    Map<String, Map<String, Set<String>>> c = valuesByBenchmark(cand);
    Map<String, Set<String>> drop = new TreeMap<>();
    for (String benchmark : new TreeSet<>(b.keySet())) {
      Map<String, Set<String>> bp = b.get(benchmark);
      Map<String, Set<String>> cp = c.get(benchmark);
      if (cp == null) {
        continue;
      }
      one(benchmark, bp, cp, "candidate", "baseline", drop, warnings);
      one(benchmark, cp, bp, "baseline", "candidate", drop, warnings);
    }
    return drop;
  }

  /** Parameters in {@code has} and never in {@code lacks}. */
  private static void one(String benchmark, Map<String, Set<String>> lacks, Map<String, Set<String>> has,
      String hasSide, String lacksSide, Map<String, Set<String>> drop, List<String> warnings) {
    for (Map.Entry<String, Set<String>> e : new TreeMap<>(has).entrySet()) {
      String name = e.getKey();
      if (lacks.containsKey(name)) {
        continue;
      }
      String bench = Key.of(benchmark, "", Map.of()).shortName();
      if (e.getValue().size() == 1) {
        String value = e.getValue().iterator().next();
        drop.computeIfAbsent(benchmark, k -> new TreeSet<>()).add(name);
        warnings.add(bench + ": the " + hasSide + " has parameter " + name + "=" + value + " and the " + lacksSide
            + " does not (it predates " + name + "); compared as if the " + lacksSide + " ran " + name + "=" + value);
      } else {
        warnings.add(bench + ": the " + hasSide + " has parameter " + name + " (" + String.join(", ", e.getValue())
            + ") and the " + lacksSide + " does not, so its rows cannot be matched; rerun the " + lacksSide
            + ", or run the " + hasSide + " with one -p " + name + "=..., or pool its values with --ignore-param "
            + name);
      }
    }
  }

  /** Benchmark name → parameter name → the values its results ran with. */
  private static Map<String, Map<String, Set<String>>> valuesByBenchmark(List<ComparedRun> runs) {
    Map<String, Map<String, Set<String>>> out = new HashMap<>();
    for (ComparedRun run : runs) {
      for (Key k : run.series().keySet()) {
        Map<String, Set<String>> params = out.computeIfAbsent(k.benchmark(), x -> new HashMap<>());
        k.params().forEach((n, v) -> params.computeIfAbsent(n, x -> new TreeSet<>()).add(v));
      }
    }
    return out;
  }
}
