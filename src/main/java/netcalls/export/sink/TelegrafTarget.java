package netcalls.export.sink;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * A Telegraf {@code socket_listener} (or InfluxDB's own UDP listener): {@code udp://host:port} or
 * {@code tcp://host:port}. The default matches telegraf.conf.
 *
 * @param maxDatagramBytes UDP payload cap; lines are never cut, a datagram holds whole lines only
 */
public record TelegrafTarget(String protocol, String host, int port, int maxDatagramBytes) {
  public static final String DEFAULT = "udp://127.0.0.1:8094";
  static final int MAX_DATAGRAM = 64_000;

  public TelegrafTarget {
    if (!protocol.equals("udp") && !protocol.equals("tcp")) {
      throw new IllegalArgumentException("Telegraf target must be udp://host:port or tcp://host:port");
    }
  }

  public static TelegrafTarget parse(String s) {
    netcalls.run.UrlCredentials.refuse("Telegraf target", s, "a socket_listener takes none");
    try {
      URI u = new URI(s);
      if (u.getScheme() == null || u.getHost() == null || u.getPort() < 0) {
        throw new IllegalArgumentException("Telegraf target must look like udp://127.0.0.1:8094, got " + s);
      }
      if (u.getPort() == 0 || u.getPort() > 65535) {
        throw new IllegalArgumentException("Telegraf target's port must be 1-65535: write it like"
            + " udp://127.0.0.1:8094, got " + s);
      }
      return new TelegrafTarget(u.getScheme(), u.getHost(), u.getPort(), MAX_DATAGRAM);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Telegraf target must look like udp://127.0.0.1:8094, got " + s, e);
    }
  }

  @Override
  public String toString() {
    return protocol + "://" + host + ":" + port;
  }
}
