package netcalls.export;

/**
 * JMH score units to the schema's: time per operation in nanoseconds ("ns/op"), throughput in
 * operations per second ("ops/s"). Other units (B/op, MB/sec, counts, ms of GC time) are kept as JMH
 * wrote them; the point's {@code unit} field says which.
 */
record Units(double factor, String unit) {

  static Units of(String jmhUnit) {
    if (jmhUnit == null) {
      return new Units(1, "");
    }
    int slash = jmhUnit.indexOf('/');
    if (slash > 0) {
      String left = jmhUnit.substring(0, slash);
      String right = jmhUnit.substring(slash + 1);
      double leftNs = nanos(left);
      double rightNs = nanos(right);
      if (right.equals("op") && leftNs > 0) {
        return new Units(leftNs, "ns/op");
      }
      if (left.equals("ops") && rightNs > 0) {
        return new Units(1e9 / rightNs, "ops/s");
      }
    }
    return new Units(1, jmhUnit);
  }

  /** Nanoseconds in one JMH time unit label, or -1 when it is not one. */
  private static double nanos(String label) {
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

  /** Scales a value; decimal arithmetic for whole factors so 0.1 us/op becomes 100.0, not 100.00000000000001. */
  double convert(double v) {
    if (!Double.isFinite(v) || factor == 1) {
      return v;
    }
    if (factor == Math.rint(factor)) {
      return java.math.BigDecimal.valueOf(v).multiply(java.math.BigDecimal.valueOf((long) factor)).doubleValue();
    }
    return v * factor;
  }
}
