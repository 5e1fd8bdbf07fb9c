package netcalls.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR file that async-profiler wrote with several kinds at once ({@code --profile cpu,alloc}), read with the
 * JDK's own JFR reader into collapsed stacks per kind, the lines JMH's {@code collapsed} output has for one kind
 * ({@code a/B.m;c/D.n count}, root first), so that compare reads both alike.
 */
final class JfrStacks {
  /** async-profiler's JFR event types by the kind of profile they are samples of. */
  static final Map<String, String> KIND_OF_EVENT = Map.of(
      "jdk.ExecutionSample", "cpu",
      "profiler.WallClockSample", "wall",
      "jdk.ObjectAllocationInNewTLAB", "alloc",
      "jdk.ObjectAllocationOutsideTLAB", "alloc",
      "jdk.ObjectAllocationSample", "alloc",
      "jdk.JavaMonitorEnter", "lock",
      "jdk.ThreadPark", "lock");

  private JfrStacks() {}

  /** Samples per stack for each kind of {@code kinds} found in the file; a kind without samples has no entry. */
  static Map<String, Map<String, Long>> read(Path jfr, List<String> kinds) throws IOException {
    Map<String, Map<String, Long>> out = new TreeMap<>();
    try (RecordingFile f = new RecordingFile(jfr)) {
      while (f.hasMoreEvents()) {
        RecordedEvent e = f.readEvent();
        String kind = KIND_OF_EVENT.get(e.getEventType().getName());
        RecordedStackTrace trace = e.getStackTrace();
        if (kind != null && kinds.contains(kind) && trace != null && !trace.getFrames().isEmpty()) {
          out.computeIfAbsent(kind, k -> new HashMap<>()).merge(stack(trace.getFrames()), 1L, Long::sum);
        }
      }
    }
    return out;
  }

  /** Root first, each frame as async-profiler's collapsed output names it: {@code a/b/C.method}. */
  static String stack(List<RecordedFrame> topFirst) {
    StringBuilder s = new StringBuilder();
    for (int i = topFirst.size() - 1; i >= 0; i--) {
      RecordedFrame fr = topFirst.get(i);
      String name = fr.getMethod() == null ? "[unknown]"
          : fr.getMethod().getType().getName().replace('.', '/') + "." + fr.getMethod().getName();
      s.append(s.length() == 0 ? "" : ";").append(name);
    }
    return s.toString();
  }

  /** The lines of a collapsed file. */
  static List<String> lines(Map<String, Long> stacks) {
    return new TreeMap<>(stacks).entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
  }
}
