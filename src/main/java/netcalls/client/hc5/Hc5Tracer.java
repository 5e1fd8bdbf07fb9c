package netcalls.client.hc5;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import netcalls.run.Phase;
import netcalls.trace.CallTrace;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SchemePortResolver;
import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.impl.io.DefaultHttpClientConnectionOperator;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.io.HttpClientConnectionOperator;
import org.apache.hc.client5.http.io.ManagedHttpClientConnection;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpConnection;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.impl.Http1StreamListener;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;
import org.apache.hc.core5.http.io.HttpClientConnection;
import org.apache.hc.core5.http.io.HttpResponseInformationCallback;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.net.NamedEndpoint;
import org.apache.hc.core5.util.Timeout;

/**
 * HttpClient 5's tracer. The classic client has no per-call event listener; it shows a call's
 * steps at three extension points, each handed the call's context (which carries the trace):
 * <ul>
 *   <li>exec interceptors around its {@code CONNECT} step: the connection lease ({@code blocked})
 *       and whether the leased connection was already open ({@code reused});
 *   <li>its connection operator's hooks: DNS, TCP connect and the TLS handshake of a new connection;
 *   <li>its request executor's stream listener: request head written ({@code sending}), response
 *       head read ({@code waiting}), then the body ({@code receiving}, ended by the adapter).
 * </ul>
 * The client is built with all of them whether tracing is on or off (Hc5Library), so that {@code trace=on}
 * measures the same pipeline plus the hooks' work: with no trace in a call's context (tracing off) each hook is
 * one attribute lookup, or one thread-local read for the stream listener, that finds none.
 */
final class Hc5Tracer {
  /** The context attribute that carries a call's trace. */
  static final String KEY = "netcalls.trace";

  private Hc5Tracer() {}

  static CallTrace of(HttpContext context) {
    return context == null ? null : (CallTrace) context.getAttribute(KEY);
  }

  /** Before {@code CONNECT}: the lease begins; it ends when a new connection starts or the lease is done. */
  static final ExecChainHandler LEASE = (ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain) -> {
    CallTrace trace = of(scope.clientContext);
    if (trace != null) {
      trace.end(Phase.RECEIVING); // a redirect hop's body was read; the next hop begins
      trace.begin(Phase.BLOCKED);
    }
    return chain.proceed(request, scope);
  };

  /** After {@code CONNECT} (before the transport): a connection is leased and open. */
  static final ExecChainHandler LEASED = (ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain) -> {
    CallTrace trace = of(scope.clientContext);
    if (trace != null) {
      trace.end(Phase.BLOCKED);
      if (!trace.reusedKnown()) {
        trace.reused(true); // the operator did not connect: the pool gave an open connection
      }
    }
    return chain.proceed(request, scope);
  };

  /** A pool builder whose connection operator reports DNS, connect and TLS to the call's trace. */
  static PoolingHttpClientConnectionManagerBuilder tracingPool() {
    return new PoolingHttpClientConnectionManagerBuilder() {
      @Override
      protected HttpClientConnectionOperator createConnectionOperator(
          SchemePortResolver ports, DnsResolver dns, TlsSocketStrategy tls) {
        return new Operator(ports, dns, tls);
      }
    };
  }

  private static final class Operator extends DefaultHttpClientConnectionOperator {
    Operator(SchemePortResolver ports, DnsResolver dns, TlsSocketStrategy tls) {
      super(ports, dns, RegistryBuilder.<TlsSocketStrategy>create().register(URIScheme.HTTPS.id, tls).build());
    }

    @Override
    public void connect(ManagedHttpClientConnection conn, HttpHost host, NamedEndpoint name, Path unixSocket,
        InetSocketAddress local, Timeout timeout, SocketConfig socketConfig, Object attachment, HttpContext context)
        throws IOException {
      CallTrace trace = of(context);
      if (trace != null) {
        trace.end(Phase.BLOCKED);
        trace.connected();
        if (host.getAddress() == null) {
          trace.begin(Phase.DNS); // the operator resolves the name first, then connects
        }
      }
      super.connect(conn, host, name, unixSocket, local, timeout, socketConfig, attachment, context);
    }

    @Override
    protected void onBeforeSocketConnect(HttpContext context, HttpHost host) {
      CallTrace trace = of(context);
      if (trace == null) {
        return;
      }
      if (trace.isOpen(Phase.DNS)) {
        trace.next(Phase.DNS, Phase.CONNECTING);
      } else if (!trace.isOpen(Phase.CONNECTING)) {
        trace.begin(Phase.CONNECTING); // a later address after a failed one keeps the first start
      }
    }

    @Override
    protected void onAfterSocketConnect(HttpContext context, HttpHost host) {
      CallTrace trace = of(context);
      if (trace != null) {
        trace.end(Phase.CONNECTING);
      }
    }

    @Override
    protected void onBeforeTlsHandshake(HttpContext context, HttpHost host) {
      CallTrace trace = of(context);
      if (trace != null) {
        trace.begin(Phase.TLS_HANDSHAKING);
      }
    }

    @Override
    protected void onAfterTlsHandshake(HttpContext context, HttpHost host) {
      CallTrace trace = of(context);
      if (trace != null) {
        trace.end(Phase.TLS_HANDSHAKING);
      }
    }
  }

  /**
   * The request executor with a stream listener. The listener is told no context, so the trace
   * rides in a thread-local for the length of one exchange: the classic client runs an exchange
   * on the calling thread from start to end.
   */
  static HttpRequestExecutor executor() {
    ThreadLocal<CallTrace> current = new ThreadLocal<>();
    Http1StreamListener listener = new Http1StreamListener() {
      @Override
      public void onRequestHead(HttpConnection connection, HttpRequest request) {
        CallTrace trace = current.get();
        if (trace != null) {
          trace.next(Phase.SENDING, Phase.WAITING);
        }
      }

      @Override
      public void onResponseHead(HttpConnection connection, HttpResponse response) {
        CallTrace trace = current.get();
        if (trace != null) {
          trace.next(Phase.WAITING, Phase.RECEIVING);
        }
      }

      @Override
      public void onExchangeComplete(HttpConnection connection, boolean keepAlive) {}
    };
    return new HttpRequestExecutor(Http1Config.DEFAULT, null, listener) {
      @Override
      public ClassicHttpResponse execute(ClassicHttpRequest request, HttpClientConnection conn,
          HttpResponseInformationCallback informationCallback, HttpContext context) throws IOException, HttpException {
        CallTrace trace = of(context);
        if (trace == null) {
          return super.execute(request, conn, informationCallback, context);
        }
        trace.begin(Phase.SENDING);
        current.set(trace);
        try {
          return super.execute(request, conn, informationCallback, context);
        } finally {
          current.remove();
        }
      }
    };
  }
}
