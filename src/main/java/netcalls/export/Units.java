package netcalls.export;

import netcalls.read.JmhUnits;

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
      double leftNs = JmhUnits.nanos(left);
      double rightNs = JmhUnits.nanos(right);
      if (right.equals("op") && leftNs > 0) {
        return new Units(leftNs, "ns/op");
      }
      if (left.equals("ops") && rightNs > 0) {
        return new Units(1e9 / rightNs, "ops/s");
      }
    }
    return new Units(1, jmhUnit);
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
