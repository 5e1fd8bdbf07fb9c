package netcalls.client.ahc;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import netcalls.client.Calls;
import netcalls.client.Client;
import netcalls.client.ClientOptions;
import netcalls.client.PreparedRequest;
import netcalls.client.Request;
import netcalls.trace.CallTrace;
import netcalls.trace.SampleRecorder;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.RequestBuilder;

/** AsyncHttpClient through the facade. It has only an async API; the blocking call awaits it. */
final class AhcClientAdapter implements Client {
  private final AsyncHttpClient client;
  private final boolean owns;
  private final boolean keepAlive;
  private final ClientOptions options;
  private final SampleRecorder recorder;

  AhcClientAdapter(AsyncHttpClient client, boolean owns, boolean keepAlive, ClientOptions options) {
    this.client = client;
    this.owns = owns;
    this.keepAlive = keepAlive;
    this.options = options;
    this.recorder = options.recorder();
  }

  /** An AHC request, immutable, shared by every AHC client of the trial with the same keep-alive mode. */
  static final class Prepared extends PreparedRequest {
    final org.asynchttpclient.Request http;

    Prepared(Request r, boolean keepAlive) {
      super(r, keepAlive);
      RequestBuilder b = new RequestBuilder("GET").setUrl(r.uri().toString());
      r.headers().forEach(h -> b.addHeader(h.name(), h.value()));
      if (!keepAlive) {
        b.setHeader("Connection", "close");
      }
      this.http = b.build();
    }
  }

  @Override
  public PreparedRequest prepare(Request r) {
    return new Prepared(r, keepAlive);
  }

  private Prepared own(PreparedRequest p) {
    return PreparedRequest.own(p, Prepared.class, keepAlive, "AsyncHttpClient");
  }

  @Override
  public long call(PreparedRequest request) throws IOException {
    return Calls.await(callAsync(request), options.callTimeout());
  }

  @Override
  public CompletableFuture<Long> callAsync(PreparedRequest request) {
    Prepared p = own(request);
    CallTrace trace = recorder == null ? null : recorder.start(p.request().site());
    AhcTracer handler = new AhcTracer(p.request(), trace, recorder);
    try {
      client.executeRequest(p.http, handler);
    } catch (RuntimeException e) {
      handler.onThrowable(e);
    }
    return handler.result;
  }

  @Override
  public void close() {
    if (owns) {
      try {
        client.close();
      } catch (IOException e) {
        throw new IllegalStateException("closing AsyncHttpClient failed", e);
      }
    }
  }
}
