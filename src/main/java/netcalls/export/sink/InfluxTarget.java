package netcalls.export.sink;

import java.util.Map;
import java.util.Optional;

/**
 * Where and how to write to InfluxDB 1.x, or to the 1.x-compatible API of InfluxDB 2.x/3.x with a token.
 * Credentials come from the environment (INFLUX_USER, INFLUX_PASSWORD; INFLUX_TOKEN) or {@code --influx-token},
 * and never appear in {@link #toString()} or any message.
 *
 * @param token          sent as {@code Authorization: Token ...} instead of user and password; with a token the
 *                       database (a bucket and its DBRP mapping) must exist: it is not created
 * @param maxBatchBytes  request body size cap (InfluxDB's max-body-size defaults to 25 MB)
 * @param maxRetries     attempts after the first when the server cannot be reached or answers 5xx
 * @param backoffMillis  wait before the first retry, doubled each time, at most 8 s
 * @param writeOnly      only /write is used: no CREATE DATABASE and no counting back, for a store that takes line
 *                       protocol but has no InfluxQL (VictoriaMetrics); its 204s are trusted
 * @param requestTimeoutMillis the deadline of one whole request, answer included (a server that trickles a byte a
 *                       second cannot stretch it)
 * @param retryBudgetMillis no retry starts later than this after a request's first failure, whatever maxRetries
 */
public record InfluxTarget(String url, String database, String user, String password, String token,
    long maxBatchBytes, int maxRetries, long backoffMillis, boolean writeOnly, long requestTimeoutMillis,
    long retryBudgetMillis) {
  public static final String DEFAULT_DATABASE = "netcalls";
  public static final long DEFAULT_MAX_BATCH_BYTES = 4L << 20;
  /** A 4 MiB batch takes well under a second on a LAN; 30 s is a server that is not answering. */
  public static final long DEFAULT_REQUEST_TIMEOUT_MILLIS = 30_000;
  /** A silent server is given up about a minute after its first failure (it was 376 s). */
  public static final long DEFAULT_RETRY_BUDGET_MILLIS = 60_000;

  public InfluxTarget {
    netcalls.run.UrlCredentials.refuse("InfluxDB URL", url,
        "give them in INFLUX_USER and INFLUX_PASSWORD (or a token in INFLUX_TOKEN)");
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
    if (requestTimeoutMillis < 1 || retryBudgetMillis < 0) {
      throw new IllegalArgumentException("the request timeout must be positive and the retry budget not negative");
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
        blankToNull(env.get("INFLUX_PASSWORD")), blankToNull(env.get("INFLUX_TOKEN")), DEFAULT_MAX_BATCH_BYTES, 5, 500,
        false, DEFAULT_REQUEST_TIMEOUT_MILLIS, DEFAULT_RETRY_BUDGET_MILLIS);
  }

  /** The target named by NETCALLS_INFLUX_URL, if that is set. */
  public static Optional<InfluxTarget> fromEnvironment(String database) {
    String url = blankToNull(System.getenv("NETCALLS_INFLUX_URL"));
    return url == null ? Optional.empty() : Optional.of(of(url, database));
  }

  public InfluxTarget withMaxBatchBytes(long bytes) {
    return new InfluxTarget(url, database, user, password, token, bytes, maxRetries, backoffMillis, writeOnly,
        requestTimeoutMillis, retryBudgetMillis);
  }

  public InfluxTarget withRetries(int retries, long firstBackoffMillis) {
    return new InfluxTarget(url, database, user, password, token, maxBatchBytes, retries, firstBackoffMillis,
        writeOnly, requestTimeoutMillis, retryBudgetMillis);
  }

  /** With this token ({@code --influx-token}) instead of INFLUX_TOKEN's; a blank one keeps the current. */
  public InfluxTarget withToken(String t) {
    String given = blankToNull(t);
    return given == null ? this
        : new InfluxTarget(url, database, user, password, given, maxBatchBytes, maxRetries, backoffMillis, writeOnly,
            requestTimeoutMillis, retryBudgetMillis);
  }

  /** Each request's whole deadline and the time retries may take after a request's first failure. */
  public InfluxTarget withDeadlines(long requestTimeout, long retryBudget) {
    return new InfluxTarget(url, database, user, password, token, maxBatchBytes, maxRetries, backoffMillis, writeOnly,
        requestTimeout, retryBudget);
  }

  /** Only /write ({@code --write-only}): nothing created, nothing counted back. */
  public InfluxTarget withWriteOnly() {
    return new InfluxTarget(url, database, user, password, token, maxBatchBytes, maxRetries, backoffMillis, true,
        requestTimeoutMillis, retryBudgetMillis);
  }

  /** Whether CREATE DATABASE is sent: not write-only, and no token (2.x/3.x have buckets, not CREATE DATABASE). */
  public boolean createsDatabase() {
    return !writeOnly && token == null;
  }

  /** Whether what was written is counted back with InfluxQL before the completion marker is sent. */
  public boolean verifies() {
    return !writeOnly;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  @Override
  public String toString() {
    return "InfluxDB " + url + " database " + database + (token != null ? " with a token" : user == null ? "" : " as " + user)
        + (writeOnly ? " (write only: not counted back)" : "");
  }
}
