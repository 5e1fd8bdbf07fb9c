package netcalls.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * A real nginx (Debian's nginx-light) on a free loopback port with a throw-away prefix: a server
 * netcalls did not write. Serves {@code /file.bin} (1 KiB), the same file under {@code /gzip/}
 * (gzip on, for clients that ask) and {@code /chunked/} (no length: chunked), {@code /redirect}
 * (302 to the file), {@code /always-gzip/file.txt} (gzip even unasked), {@code /echo-token} (the X-Token header's value as the body), {@code
 * /echo-ae} (the Accept-Encoding the client sent, in brackets); anything else is a 404.
 */
public final class Nginx implements AutoCloseable {
  public static final Path BINARY = Path.of("/usr/sbin/nginx");
  public static final int FILE_BYTES = 1024;

  private final Path dir;
  private final Process process;
  private final int port;

  private Nginx(Path dir, Process process, int port) {
    this.dir = dir;
    this.process = process;
    this.port = port;
  }

  public static boolean installed() {
    return Files.isExecutable(BINARY);
  }

  public static Nginx start() throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("netcalls-nginx");
    // run as root, nginx's workers are another user: they must read the files
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path www = Files.createDirectories(dir.resolve("www"));
    byte[] file = new byte[FILE_BYTES];
    for (int i = 0; i < file.length; i++) {
      file[i] = (byte) ('a' + i % 26);
    }
    Files.write(www.resolve("file.bin"), file);
    Files.write(Files.createDirectories(www.resolve("gzip")).resolve("file.txt"), file);
    Files.write(Files.createDirectories(www.resolve("chunked")).resolve("file.txt"), file);
    Path always = Files.createDirectories(www.resolve("always-gzip"));
    Files.write(always.resolve("file.txt"), file);
    try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(always.resolve("file.txt.gz")))) {
      gz.write(file);
    }
    int port = freePort();
    Files.writeString(dir.resolve("nginx.conf"), conf(dir, port), StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
        "-g", "daemon off; pid " + dir.resolve("nginx.pid") + ";")
        .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.log").toFile()).start();
    Nginx nginx = new Nginx(dir, p, port);
    try {
      nginx.awaitListening(Duration.ofSeconds(10));
    } catch (IOException | RuntimeException e) {
      nginx.close();
      throw e;
    }
    return nginx;
  }

  private static String conf(Path dir, int port) {
    String d = dir.toString();
    return String.join("\n",
        "worker_processes 1;",
        "error_log " + d + "/error.log;",
        "events { worker_connections 64; }",
        "http {",
        "  access_log " + d + "/access.log;",
        "  client_body_temp_path " + d + "/client_body;",
        "  proxy_temp_path " + d + "/proxy;",
        "  fastcgi_temp_path " + d + "/fastcgi;",
        "  uwsgi_temp_path " + d + "/uwsgi;",
        "  scgi_temp_path " + d + "/scgi;",
        "  default_type application/octet-stream;",
        "  server {",
        "    listen 127.0.0.1:" + port + ";",
        "    root " + d + "/www;",
        "    location /gzip/ { default_type text/plain; gzip on; gzip_min_length 1; gzip_types text/plain; }",
        // sub_filter drops Content-Length: the body goes chunked
        "    location /chunked/ { default_type text/plain; sub_filter 'never-there' 'x'; sub_filter_types *; }",
        // gzip whatever the client asked: a server that compresses unasked
        "    location /always-gzip/ { default_type text/plain; gzip_static always; }",
        "    location = /redirect { return 302 /file.bin; }",
        "    location = /echo-token { default_type text/plain; return 200 $http_x_token; }",
        "    location = /echo-ae { default_type text/plain; return 200 \"[$http_accept_encoding]\"; }",
        "  }",
        "}",
        "");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void awaitListening(Duration limit) throws IOException, InterruptedException {
    long end = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new IOException("nginx exited with " + process.exitValue() + ": " + log());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException e) {
        Thread.sleep(50);
      }
    }
    throw new IOException("nginx did not listen on 127.0.0.1:" + port + " within " + limit + ": " + log());
  }

  private String log() throws IOException {
    Path err = dir.resolve("error.log");
    Path out = dir.resolve("stdout.log");
    return (Files.exists(out) ? Files.readString(out) : "") + (Files.exists(err) ? Files.readString(err) : "");
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  /** The size of {@code /always-gzip/file.txt} as sent, compressed. */
  public long gzippedBytes() throws IOException {
    return Files.size(dir.resolve("www/always-gzip/file.txt.gz"));
  }

  public int port() {
    return port;
  }

  /** The access log so far (one line per request). */
  public String accessLog() throws IOException {
    Path log = dir.resolve("access.log");
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Override
  public void close() throws IOException, InterruptedException {
    process.destroy(); // SIGTERM: nginx exits fast
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    try (Stream<Path> all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
