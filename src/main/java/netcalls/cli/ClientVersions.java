package netcalls.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The client libraries' versions in this jar, for run.json's testbed: a bumped library changes
 * latency as surely as a new JDK, so compare names it when the two sides differ.
 */
final class ClientVersions {
  /** Client name (as -p client=) and the Maven coordinates whose pom.properties the jar keeps. */
  private static final String[][] MAVEN = {
      {"ahc", "org.asynchttpclient", "async-http-client"},
      {"hc5", "org.apache.httpcomponents.client5", "httpclient5"},
      {"jetty", "org.eclipse.jetty", "jetty-client"}};

  private ClientVersions() {}

  /** e.g. "ahc 3.0.1, hc5 5.4, jetty 12.1.1, okhttp 5.1.0"; a library whose version is not found shows "?". */
  static String describe() {
    List<String> parts = new ArrayList<>();
    for (String[] m : MAVEN) {
      parts.add(m[0] + " " + pomVersion(m[1], m[2]));
    }
    parts.add("okhttp " + okhttp()); // built with Gradle: no pom.properties, but a constant
    return String.join(", ", parts);
  }

  private static String pomVersion(String group, String artifact) {
    try (InputStream in = ClientVersions.class.getResourceAsStream("/META-INF/maven/" + group + "/" + artifact + "/pom.properties")) {
      if (in == null) {
        return "?";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "?");
    } catch (IOException e) {
      return "?";
    }
  }

  private static String okhttp() {
    try {
      return okhttp3.OkHttp.VERSION;
    } catch (LinkageError e) {
      return "?";
    }
  }
}
