package netcalls.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import netcalls.read.CallCost;
import netcalls.run.TrialJson;

/**
 * The cost section's data: per benchmark × parameter set, the median over its forks of the bytes allocated and
 * the CPU µs per call of each thread group, the JVM's CPU per call, and the threads that ended unmeasured.
 */
final class CostData {
  private static final List<String> SHOWN = List.of("client", "strategy", "scheme");

  private CostData() {}

  static void json(List<CallCost> costs, ArrayNode out) {
    for (List<CallCost> forks : CallCost.byKey(costs).values()) {
      CallCost first = forks.get(0);
      Map<String, String> p = first.params();
      ObjectNode o = out.addObject();
      String name = first.benchmark();
      o.put("bench", name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1));
      SHOWN.forEach(k -> o.put(k, p.getOrDefault(k, "")));
      o.put("other", p.entrySet().stream().filter(e -> !SHOWN.contains(e.getKey()))
          .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" ")));
      o.put("forks", forks.size());
      ObjectNode alloc = o.putObject("allocBytes");
      ObjectNode cpu = o.putObject("cpuUs");
      for (String g : TrialJson.COST_GROUPS) {
        alloc.put(g, CallCost.median(forks, c -> c.allocPerCall().get(g)));
        cpu.put(g, CallCost.median(forks, c -> c.cpuNsPerCall().get(g)) / 1000);
      }
      double jvm = CallCost.median(forks, CallCost::processCpuNsPerCall);
      if (!Double.isNaN(jvm)) {
        o.put("jvmCpuUs", jvm / 1000);
      }
      o.put("threadsEnded", forks.stream().mapToLong(CallCost::threadsEnded).sum());
    }
  }
}
