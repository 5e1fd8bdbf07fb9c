package netcalls.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The JDK the benchmark forks ran on: the {@code java} of {@code --jvm} (or JMH's {@code -jvm}), else the launcher's
 * own. Its version and vendor come from the JDK's {@code release} file (every JDK build writes one), so nothing is
 * started to find them; null when unknown.
 *
 * @param path the java executable the forks were started with
 */
record ForkJdk(Path path, String version, String vendor) {

  /** The launcher's own java: what JMH starts the forks with when no -jvm is given. */
  static Path launcherJava() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  /**
   * The java executable of a {@code --jvm} value: a JDK's home folder or its {@code bin/java}. Throws with what to
   * give when it is neither.
   */
  static Path resolve(String value) {
    Path p = Path.of(value).toAbsolutePath().normalize();
    Path java = Files.isDirectory(p) ? p.resolve("bin").resolve("java") : p;
    if (!Files.isRegularFile(java) || !Files.isExecutable(java)) {
      throw new IllegalArgumentException("--jvm " + value + ": no executable java there: give a JDK's home folder"
          + " (e.g. /usr/lib/jvm/temurin-25-jdk-amd64) or its bin/java");
    }
    return java;
  }

  /** What the forks ran on, from {@code java}'s JDK home; the launcher's properties when it is the launcher's java. */
  static ForkJdk of(Path java) {
    Path real = realPath(java);
    Map<String, String> release = release(real.getParent() == null ? null : real.getParent().getParent());
    String version = release.get("JAVA_VERSION");
    String vendor = release.get("IMPLEMENTOR");
    if ((version == null || vendor == null) && real.equals(realPath(launcherJava()))) {
      version = version == null ? System.getProperty("java.version") : version;
      vendor = vendor == null ? System.getProperty("java.vendor") : vendor;
    }
    return new ForkJdk(java, version, vendor);
  }

  /** The feature release: 25 of "25.0.3", 17 of "17.0.15", 8 of "1.8.0_402"; null when unknown. */
  Integer feature() {
    if (version == null) {
      return null;
    }
    String[] parts = version.split("[.+_-]");
    try {
      int first = Integer.parseInt(parts[0]);
      return first == 1 && parts.length > 1 ? Integer.parseInt(parts[1]) : first;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** KEY="value" lines of a JDK's release file; empty when there is none. */
  static Map<String, String> release(Path home) {
    Map<String, String> m = new LinkedHashMap<>();
    if (home == null) {
      return m;
    }
    try {
      for (String line : Files.readAllLines(home.resolve("release"))) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          String v = line.substring(eq + 1).strip();
          m.put(line.substring(0, eq).strip(), v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")
              ? v.substring(1, v.length() - 1) : v);
        }
      }
    } catch (IOException e) {
      // no release file: version and vendor stay unknown
    }
    return m;
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }
}
