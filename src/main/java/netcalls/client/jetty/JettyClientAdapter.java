package netcalls.client.jetty;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import netcalls.client.Calls;
import netcalls.client.Client;
import netcalls.client.ClientOptions;
import netcalls.client.PreparedRequest;
import netcalls.client.Request;
import netcalls.trace.CallTrace;
import netcalls.trace.SampleRecorder;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;

/** Jetty's HttpClient through the facade: its async {@code send(listener)}; the blocking call awaits it. */
final class JettyClientAdapter implements Client {
  private final HttpClient client;
  private final boolean keepAlive;
  private final ClientOptions options;
  private final SampleRecorder recorder;
  private final SeenConnections seen = new SeenConnections();

  JettyClientAdapter(HttpClient client, boolean keepAlive, ClientOptions options) {
    this.client = client;
    this.keepAlive = keepAlive;
    this.options = options;
    this.recorder = options.recorder();
  }

  /**
   * What of a Jetty request can be made ahead: its URI, parsed. Jetty's {@code Request} is
   * single-use and bound to one client, so the library object itself is made per call, as in any
   * use of Jetty.
   */
  static final class Prepared extends PreparedRequest {
    final URI uri;
    /** The user's headers as Jetty fields, made once; copied into each single-use request. */
    final List<HttpField> headers = new ArrayList<>();

    Prepared(Request r, boolean keepAlive) {
      super(r, keepAlive);
      this.uri = r.uri();
      r.headers().forEach(h -> headers.add(new HttpField(h.name(), h.value())));
    }
  }

  @Override
  public PreparedRequest prepare(Request r) {
    return new Prepared(r, keepAlive);
  }

  private Prepared own(PreparedRequest p) {
    return PreparedRequest.own(p, Prepared.class, keepAlive, "Jetty HttpClient");
  }

  @Override
  public long call(PreparedRequest request) throws IOException {
    return Calls.await(callAsync(request), options.callTimeout());
  }

  @Override
  public CompletableFuture<Long> callAsync(PreparedRequest request) {
    Prepared p = own(request);
    CallTrace trace = recorder == null ? null : recorder.start(p.request().site());
    JettyTracer listener = new JettyTracer(p.request(), trace, recorder, seen);
    try {
      org.eclipse.jetty.client.Request r = client.newRequest(p.uri)
          .method(HttpMethod.GET)
          .timeout(options.callTimeout().toMillis(), TimeUnit.MILLISECONDS)
          .idleTimeout(options.readTimeout().toMillis(), TimeUnit.MILLISECONDS);
      if (trace != null) {
        JettyTracer.attach(r, listener);
      }
      if (!p.keepAlive()) {
        r.headers(h -> h.put(HttpHeader.CONNECTION, "close"));
      }
      if (!p.headers.isEmpty()) {
        r.headers(h -> p.headers.forEach(h::add));
      }
      r.send(listener);
    } catch (RuntimeException e) {
      listener.fail(e);
    }
    return listener.result;
  }

  @Override
  public void close() {
    try {
      client.stop();
    } catch (Exception e) {
      throw new IllegalStateException("stopping Jetty's HttpClient failed", e);
    }
  }
}
