package netcalls.export;

import netcalls.export.line.*;
import netcalls.read.*;
import netcalls.export.sink.*;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.influxdb.InfluxDB;
import org.influxdb.InfluxDBFactory;
import org.influxdb.dto.Query;
import org.influxdb.dto.QueryResult;

/**
 * The InfluxDB that scripts/with-influxdb.sh started (its URLs come in as netcalls.influx.url /
 * NETCALLS_INFLUX_URL and NETCALLS_INFLUX_UDP), and disposable servers that a test may kill.
 * A test that needs InfluxDB fails, never skips, when it is not there.
 */
final class InfluxSupport {
  /**
   * The JUnit tag of tests that need InfluxDB: surefire leaves them out (also under -Dtest=...), failsafe
   * runs them in {@code verify}.
   */
  static final String TAG = "influxdb";

  private InfluxSupport() {}

  static String url() {
    return required("netcalls.influx.url", "NETCALLS_INFLUX_URL");
  }

  static String udp() {
    return required("netcalls.influx.udp", "NETCALLS_INFLUX_UDP");
  }

  private static String required(String property, String env) {
    String v = System.getProperty(property);
    if (v == null || v.isBlank()) {
      v = System.getenv(env);
    }
    if (v == null || v.isBlank()) {
      fail(env + " is not set: this test needs a real InfluxDB. Run the tests under the harness:"
          + " scripts/with-influxdb.sh mvn -B verify -Dit.test='Influx*IT,Telegraf*IT,Compare*IT'");
    }
    return v;
  }

  static InfluxDB connect(String url) {
    InfluxDB db = InfluxDBFactory.connect(url);
    db.setLogLevel(InfluxDB.LogLevel.NONE);
    return db;
  }

  static List<List<Object>> rows(InfluxDB influx, String database, String query) {
    // times as RFC 3339 strings: epoch=ns would come back as a double and lose the last digits
    QueryResult r = influx.query(new Query(query, database));
    if (r.hasError() || r.getResults().get(0).hasError()) {
      fail("query failed: " + query + ": " + r.getError() + " " + r.getResults().get(0).getError());
    }
    QueryResult.Result res = r.getResults().get(0);
    if (res.getSeries() == null) {
      return List.of();
    }
    return res.getSeries().get(0).getValues();
  }

  static List<String> columns(InfluxDB influx, String database, String query) {
    QueryResult r = influx.query(new Query(query, database));
    return r.getResults().get(0).getSeries().get(0).getColumns();
  }

  static long count(InfluxDB influx, String database, InfluxMeasurement m, String runId) {
    List<List<Object>> rows = rows(influx, database, "SELECT count(\"" + m.keyField() + "\") FROM \""
        + m.measurementName() + "\" WHERE \"run\" = '" + runId + "'");
    return rows.isEmpty() ? 0 : ((Number) rows.get(0).get(1)).longValue();
  }

  /** A time column value (RFC 3339) in nanoseconds since the epoch. */
  static long nanos(Object rfc3339) {
    return Json.epochNanos(java.time.Instant.parse((String) rfc3339));
  }

  static String uniqueDatabase(String prefix) {
    return prefix + "_" + Long.toHexString(System.nanoTime());
  }

  /** A throw-away influxd on free loopback ports, with its own temp folder. */
  static final class Server implements AutoCloseable {
    final Process process;
    final String url;
    final Path dir;

    Server(long maxBodySize) throws Exception {
      this(maxBodySize, "", "");
    }

    /** With extra lines for the [http] and [data] sections (auth-enabled, max-values-per-tag ...). */
    Server(long maxBodySize, String http, String data) throws Exception {
      dir = Files.createTempDirectory("influxd-test");
      int httpPort = freePort();
      int bind = freePort();
      String conf = "reporting-disabled = true\n"
          + "bind-address = \"127.0.0.1:" + bind + "\"\n"
          + "[meta]\n  dir = \"" + dir.resolve("meta") + "\"\n"
          + "[data]\n  dir = \"" + dir.resolve("data") + "\"\n  wal-dir = \"" + dir.resolve("wal") + "\"\n"
          + "  query-log-enabled = false\n" + data
          + "[http]\n  bind-address = \"127.0.0.1:" + httpPort + "\"\n  log-enabled = false\n"
          + "  max-body-size = " + maxBodySize + "\n" + http
          + "[monitor]\n  store-enabled = false\n";
      Files.writeString(dir.resolve("influxdb.conf"), conf);
      process = new ProcessBuilder(binary(), "-config", dir.resolve("influxdb.conf").toString())
          .redirectErrorStream(true).redirectOutput(dir.resolve("influxd.log").toFile()).start();
      url = "http://127.0.0.1:" + httpPort;
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (!ping(url)) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          close();
          fail("disposable influxd did not start; log: " + dir.resolve("influxd.log"));
        }
        Thread.sleep(100);
      }
    }

    void kill() {
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public void close() throws IOException {
      kill();
      try (Stream<Path> s = Files.walk(dir)) {
        s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }

    private static String binary() {
      String env = System.getenv("NETCALLS_INFLUXD");
      if (env != null && !env.isBlank()) {
        return env;
      }
      return Files.isExecutable(Path.of("/usr/bin/influxd")) ? "/usr/bin/influxd" : "influxd";
    }

    private static int freePort() throws IOException {
      try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
        return s.getLocalPort();
      }
    }

    private static boolean ping(String url) {
      try {
        HttpURLConnection c = (HttpURLConnection) URI.create(url + "/ping").toURL().openConnection();
        c.setConnectTimeout(500);
        c.setReadTimeout(500);
        return c.getResponseCode() == 204;
      } catch (IOException e) {
        return false;
      }
    }
  }
}
