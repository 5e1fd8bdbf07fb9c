import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import javax.net.SocketFactory;
import netcalls.server.ServerConfig;
import netcalls.server.ServerStats;
import netcalls.server.TargetServer;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Side run for docs/HTTP2.md: an OkHttp concurrent pair (/delay/30 and /delay/20 enqueued together) on one h2c
 * connection, as shipped and with a SocketFactory that sets TCP_NODELAY, rounds alternating. Prints each side's
 * pair p50 and how many pairs the built-in server saw overlap. Not a benchmark: a cause, shown by counts.
 * Run by scripts/okhttp-nagle.sh.
 */
public final class OkHttpNagle {
  private static final int PAIRS = 20;

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    try (TargetServer server = TargetServer.start(ServerConfig.defaults())) {
      String base = server.baseUri("http").toString().replaceAll("/$", "");
      for (int round = 1; round <= rounds; round++) {
        for (boolean noDelay : new boolean[] {false, true}) {
          OkHttpClient.Builder builder = new OkHttpClient.Builder().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE));
          if (noDelay) {
            builder.socketFactory(new NoDelaySockets());
          }
          OkHttpClient client = builder.build();
          pair(client, base); // connect and warm up outside the count
          pair(client, base);
          ServerStats before = server.stats();
          double[] ms = new double[PAIRS];
          for (int i = 0; i < PAIRS; i++) {
            ms[i] = pair(client, base);
          }
          ServerStats during = server.stats().minus(before);
          Arrays.sort(ms);
          System.out.printf("round %d  %-20s pair p50 %5.1f ms (min %5.1f, max %5.1f)  overlapped %d/%d%n",
              round, noDelay ? "TCP_NODELAY" : "as shipped", ms[PAIRS / 2], ms[0], ms[PAIRS - 1],
              during.delaysOverlapped(), PAIRS);
          client.dispatcher().executorService().shutdown();
          client.connectionPool().evictAll();
        }
      }
    }
  }

  private static double pair(OkHttpClient client, String base) throws Exception {
    long start = System.nanoTime();
    CompletableFuture<Void> a = call(client, base + "/delay/30");
    CompletableFuture<Void> b = call(client, base + "/delay/20");
    a.get();
    b.get();
    return (System.nanoTime() - start) / 1e6;
  }

  private static CompletableFuture<Void> call(OkHttpClient client, String url) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    client.newCall(new Request.Builder().url(url).build()).enqueue(new Callback() {
      @Override public void onFailure(Call call, IOException e) {
        done.completeExceptionally(e);
      }

      @Override public void onResponse(Call call, Response response) throws IOException {
        try (response) {
          if (!response.isSuccessful()) {
            throw new IOException("HTTP " + response.code() + " from " + url);
          }
          response.body().bytes();
          done.complete(null);
        } catch (IOException e) {
          done.completeExceptionally(e);
        }
      }
    });
    return done;
  }

  /** The default socket factory, with TCP_NODELAY set on every socket it makes. */
  private static final class NoDelaySockets extends SocketFactory {
    private final SocketFactory sockets = SocketFactory.getDefault();

    private static Socket noDelay(Socket socket) throws IOException {
      socket.setTcpNoDelay(true);
      return socket;
    }

    @Override public Socket createSocket() throws IOException {
      return noDelay(sockets.createSocket());
    }

    @Override public Socket createSocket(String host, int port) throws IOException {
      return noDelay(sockets.createSocket(host, port));
    }

    @Override public Socket createSocket(String host, int port, InetAddress local, int localPort) throws IOException {
      return noDelay(sockets.createSocket(host, port, local, localPort));
    }

    @Override public Socket createSocket(InetAddress host, int port) throws IOException {
      return noDelay(sockets.createSocket(host, port));
    }

    @Override public Socket createSocket(InetAddress host, int port, InetAddress local, int localPort)
        throws IOException {
      return noDelay(sockets.createSocket(host, port, local, localPort));
    }
  }
}
