package netcalls.compare;

/**
 * The machine, JDK and client libraries a run measured on, from its run.json; null fields are unknown
 * (older runs). A run without the client versions differs from one with them: the libraries cannot be
 * shown to be the same.
 */
record Testbed(String cpuModel, Integer cores, String kernel, String jdk, String clients) {
  static final Testbed UNKNOWN = new Testbed(null, null, null, null, null);

  boolean known() {
    return cpuModel != null && cores != null && kernel != null && jdk != null;
  }

  String describe() {
    return netcalls.read.RunInfo.describeTestbed(cpuModel, cores == null ? null : cores.longValue(), kernel, jdk)
        + (clients == null ? "" : ", clients " + clients);
  }
}
