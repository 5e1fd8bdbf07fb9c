package netcalls.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A real HTTP server on a free loopback port that answers as a test says (the JDK's own server): for the
 * contract tests of a server netcalls talks to but cannot run here, such as InfluxDB 2.x's API.
 */
public final class HttpStub implements AutoCloseable {
  private final HttpServer server;

  private HttpStub(HttpServer server) {
    this.server = server;
  }

  /** One handler for every path. */
  public static HttpStub start(HttpHandler handler) throws IOException {
    return start(Map.of("/", handler));
  }

  /** A handler per path prefix. */
  public static HttpStub start(Map<String, HttpHandler> contexts) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    new LinkedHashMap<>(contexts).forEach(server::createContext);
    server.start();
    return new HttpStub(server);
  }

  /** {@code http://127.0.0.1:PORT}, no trailing slash. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers {@code code} with a JSON body (none for 204) and closes the exchange. */
  public static void send(HttpExchange x, int code, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().add("Content-Type", "application/json");
    x.sendResponseHeaders(code, code == 204 ? -1 : b.length);
    if (code != 204) {
      x.getResponseBody().write(b);
    }
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
