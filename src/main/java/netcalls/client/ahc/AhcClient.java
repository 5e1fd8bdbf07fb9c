package netcalls.client.ahc;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import netcalls.client.Calls;
import netcalls.client.Client;
import netcalls.client.ClientOptions;
import netcalls.client.Request;
import netcalls.trace.CallTrace;
import netcalls.trace.SampleRecorder;
import org.asynchttpclient.AsyncHttpClient;
import org.asynchttpclient.RequestBuilder;

/** AsyncHttpClient through the facade. It has only an async API; the blocking call awaits it. */
final class AhcClient implements Client {
  private static final int SLOT_KEEP_ALIVE = 2;
  private static final int SLOT_CLOSE = 3;

  private final AsyncHttpClient client;
  private final boolean owns;
  private final int slot;
  private final ClientOptions options;
  private final SampleRecorder recorder;

  AhcClient(AsyncHttpClient client, boolean owns, boolean keepAlive, ClientOptions options) {
    this.client = client;
    this.owns = owns;
    this.slot = keepAlive ? SLOT_KEEP_ALIVE : SLOT_CLOSE;
    this.options = options;
    this.recorder = options.recorder();
  }

  private static org.asynchttpclient.Request keepAlive(Request r) {
    return new RequestBuilder("GET").setUrl(r.uri().toString()).build();
  }

  private static org.asynchttpclient.Request close(Request r) {
    return new RequestBuilder("GET").setUrl(r.uri().toString()).setHeader("Connection", "close").build();
  }

  @Override
  public long call(Request r) throws IOException {
    return Calls.await(callAsync(r), options.callTimeout());
  }

  @Override
  public CompletableFuture<Long> callAsync(Request r) {
    CallTrace trace = recorder == null ? null : recorder.start(r);
    CountingHandler handler = new CountingHandler(r, trace, recorder);
    try {
      org.asynchttpclient.Request prepared =
          r.prepared(slot, slot == SLOT_CLOSE ? AhcClient::close : AhcClient::keepAlive);
      client.executeRequest(prepared, handler);
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
