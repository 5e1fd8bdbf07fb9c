package netcalls.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netcalls.export.line.InfluxMeasurement;
import netcalls.export.line.PointDraft;

/**
 * A trial's failures counted by target, endpoint, exception and root cause: the blog's
 * {@code requests_request_exception} metric, written as {@code netcalls_request_exception} points at
 * the first failure of each kind.
 */
final class FailureCounts {
  private static final class Count {
    final String target;
    final String endpoint;
    final String exception;
    final String rootCause;
    final long first;
    long count;

    Count(String target, String endpoint, String exception, String rootCause, long first) {
      this.target = target;
      this.endpoint = endpoint;
      this.exception = exception;
      this.rootCause = rootCause;
      this.first = first;
    }
  }

  private final Map<String, Count> counts = new LinkedHashMap<>();

  void add(String target, String endpoint, String exception, String rootCause, long startNs) {
    String key = target + '\u0000' + endpoint + '\u0000' + exception + '\u0000' + rootCause;
    counts.computeIfAbsent(key, k -> new Count(target, endpoint, exception, rootCause, startNs)).count++;
  }

  void write(PointEmitter emitter, Map<String, String> trialTags, String file) throws IOException {
    List<Count> all = new ArrayList<>(counts.values());
    all.sort((x, y) -> Long.compare(x.first, y.first));
    for (Count f : all) {
      PointDraft d = new PointDraft(InfluxMeasurement.REQUEST_EXCEPTION, file + ": " + f.exception)
          .tags(trialTags)
          .tag("target", f.target)
          .tag("endpoint", f.endpoint)
          .tag("exception_class", simpleName(f.exception))
          .tag("root_cause_class", simpleName(f.rootCause))
          .value("count", f.count)
          .field("exception", f.exception)
          .field("root_cause", f.rootCause.isEmpty() ? null : f.rootCause);
      emitter.emit(d, f.first, false);
    }
  }

  static String simpleName(String fqcn) {
    int dot = fqcn.lastIndexOf('.');
    return dot < 0 ? fqcn : fqcn.substring(dot + 1);
  }
}
