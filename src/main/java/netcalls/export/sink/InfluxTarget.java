package netcalls.export.sink;

import java.util.Map;
import java.util.Optional;

/**
 * Where and how to write to InfluxDB 1.x. Credentials come from the environment (INFLUX_USER,
 * INFLUX_PASSWORD) and never appear in {@link #toString()} or any message.
 *
 * @param maxBatchBytes  request body size cap (InfluxDB's max-body-size defaults to 25 MB)
 * @param maxRetries     attempts after the first when the server cannot be reached or answers 5xx
 * @param backoffMillis  wait before the first retry, doubled each time, at most 8 s
 */
public record InfluxTarget(String url, String database, String user, String password, long maxBatchBytes,
    int maxRetries, long backoffMillis) {
  public static final String DEFAULT_DATABASE = "netcalls";
  public static final long DEFAULT_MAX_BATCH_BYTES = 4L << 20;

  public InfluxTarget {
    if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
      throw new IllegalArgumentException("InfluxDB URL must start with http:// or https://, got " + url);
    }
    String why = badUrl(url);
    if (why != null) {
      throw new IllegalArgumentException("InfluxDB URL " + why + ": write it like http://127.0.0.1:8086, got \""
          + url + "\"");
    }
    if (database == null || database.isEmpty()) {
      throw new IllegalArgumentException("database name is empty");
    }
    if (maxBatchBytes < 1024) {
      throw new IllegalArgumentException("maxBatchBytes below 1024: " + maxBatchBytes);
    }
  }

  /** Why an http(s) URL cannot be used, or null: checked before any work, so a typo costs nothing. */
  private static String badUrl(String url) {
    java.net.URI u;
    try {
      u = new java.net.URI(url);
    } catch (java.net.URISyntaxException e) {
      return "is not a URL (" + e.getReason() + ")";
    }
    if (u.getHost() == null || u.getHost().isEmpty()) {
      return "has no host";
    }
    if (u.getPort() == 0 || u.getPort() > 65535 || (u.getPort() < 0 && u.getRawAuthority().matches(".*:\\d*$"))) {
      return "has a port outside 1-65535";
    }
    return okhttp3.HttpUrl.parse(url) == null ? "is not a valid http URL" : null;
  }

  /** URL and database as given; user and password from INFLUX_USER / INFLUX_PASSWORD when set. */
  public static InfluxTarget of(String url, String database) {
    return of(url, database, System.getenv());
  }

  public static InfluxTarget of(String url, String database, Map<String, String> env) {
    return new InfluxTarget(url, database, blankToNull(env.get("INFLUX_USER")),
        blankToNull(env.get("INFLUX_PASSWORD")), DEFAULT_MAX_BATCH_BYTES, 5, 500);
  }

  /** The target named by NETCALLS_INFLUX_URL, if that is set. */
  public static Optional<InfluxTarget> fromEnvironment(String database) {
    String url = blankToNull(System.getenv("NETCALLS_INFLUX_URL"));
    return url == null ? Optional.empty() : Optional.of(of(url, database));
  }

  public InfluxTarget withMaxBatchBytes(long bytes) {
    return new InfluxTarget(url, database, user, password, bytes, maxRetries, backoffMillis);
  }

  public InfluxTarget withRetries(int retries, long firstBackoffMillis) {
    return new InfluxTarget(url, database, user, password, maxBatchBytes, retries, firstBackoffMillis);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @Override
  public String toString() {
    return "InfluxDB " + url + " database " + database + (user == null ? "" : " as " + user);
  }
}
