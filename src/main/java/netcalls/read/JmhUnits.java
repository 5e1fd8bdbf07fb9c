package netcalls.read;

/** JMH's time unit labels (as in {@code us/op}, {@code ops/s}): the one table of them, for the exporter and compare. */
public final class JmhUnits {
  private JmhUnits() {}

  /** Nanoseconds in one JMH time unit label ({@code ns}, {@code us}, ... {@code day}), or -1 when it is not one. */
  public static double nanos(String label) {
    switch (label) {
      case "ns": return 1;
      case "us": return 1e3;
      case "ms": return 1e6;
      case "s": return 1e9;
      case "min": return 60e9;
      case "hr": return 3600e9;
      case "day": return 86400e9;
      default: return -1;
    }
  }
}
