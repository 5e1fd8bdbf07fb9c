package netcalls.client.okhttp;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import netcalls.client.Calls;
import netcalls.client.Client;
import netcalls.client.HttpStatusException;
import netcalls.client.Request;
import netcalls.trace.CallTrace;
import netcalls.trace.SampleRecorder;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.OkHttpClient;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Okio;

/** OkHttp through the facade: {@code execute()} for blocking calls, {@code enqueue()} for async. */
final class OkHttpAdapter implements Client {
  private static final int SLOT_KEEP_ALIVE = 0;
  private static final int SLOT_CLOSE = 1;

  private final OkHttpClient client;
  private final boolean ownsPool;
  private final int slot;
  private final SampleRecorder recorder;

  OkHttpAdapter(OkHttpClient client, boolean ownsPool, boolean keepAlive, SampleRecorder recorder) {
    this.client = client;
    this.ownsPool = ownsPool;
    this.slot = keepAlive ? SLOT_KEEP_ALIVE : SLOT_CLOSE;
    this.recorder = recorder;
  }

  private static okhttp3.Request keepAlive(Request r) {
    return new okhttp3.Request.Builder().url(r.uri().toString()).build();
  }

  private static okhttp3.Request close(Request r) {
    return new okhttp3.Request.Builder().url(r.uri().toString()).header("Connection", "close").build();
  }

  private Call newCall(Request r, CallTrace trace) {
    Call call = client.newCall(r.prepared(slot, slot == SLOT_CLOSE ? OkHttpAdapter::close : OkHttpAdapter::keepAlive));
    if (trace != null) {
      call.addEventListener(new TracingEventListener(trace));
    }
    return call;
  }

  @Override
  public long call(Request r) throws IOException {
    return Calls.traced(recorder, r, trace -> consume(newCall(r, trace).execute(), r, trace));
  }

  @Override
  public CompletableFuture<Long> callAsync(Request r) {
    CallTrace trace = recorder == null ? null : recorder.start(r);
    CompletableFuture<Long> result = new CompletableFuture<>();
    newCall(r, trace).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        fail(e);
      }

      @Override
      public void onResponse(Call call, Response response) {
        long bytes;
        try {
          bytes = consume(response, r, trace);
        } catch (IOException | RuntimeException e) {
          fail(e);
          return;
        }
        if (trace != null) {
          recorder.finish(trace, null);
        }
        result.complete(bytes);
      }

      private void fail(Exception e) {
        if (trace != null) {
          recorder.finish(trace, e);
        }
        result.completeExceptionally(e);
      }
    });
    return result;
  }

  /** Reads the whole body without keeping it, then checks the status. */
  private static long consume(Response response, Request r, CallTrace trace) throws IOException {
    try (response; ResponseBody body = response.body()) {
      long bytes = body.source().readAll(Okio.blackhole());
      if (trace != null) {
        trace.status(response.code());
        trace.addBytes(bytes);
      }
      if (!HttpStatusException.isSuccess(response.code())) {
        throw new HttpStatusException(response.code(), r);
      }
      return bytes;
    }
  }

  @Override
  public void close() {
    if (ownsPool) {
      shutdown(client);
    }
  }

  static void shutdown(OkHttpClient client) {
    client.dispatcher().executorService().shutdown();
    client.connectionPool().evictAll();
  }
}
