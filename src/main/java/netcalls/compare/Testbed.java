package netcalls.compare;

/** The machine and JDK a run measured on, from its run.json; null fields are unknown (older runs). */
record Testbed(String cpuModel, Integer cores, String kernel, String jdk) {
  static final Testbed UNKNOWN = new Testbed(null, null, null, null);

  boolean known() {
    return cpuModel != null && cores != null && kernel != null && jdk != null;
  }

  String describe() {
    return netcalls.read.RunInfo.describeTestbed(cpuModel, cores == null ? null : cores.longValue(), kernel, jdk);
  }
}
