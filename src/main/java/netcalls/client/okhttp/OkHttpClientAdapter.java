package netcalls.client.okhttp;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import netcalls.client.Calls;
import netcalls.client.Client;
import netcalls.client.HttpStatusException;
import netcalls.client.PreparedRequest;
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
final class OkHttpClientAdapter implements Client {
  private final OkHttpClient client;
  private final boolean ownsPool;
  private final boolean keepAlive;
  private final SampleRecorder recorder;

  OkHttpClientAdapter(OkHttpClient client, boolean ownsPool, boolean keepAlive, SampleRecorder recorder) {
    this.client = client;
    this.ownsPool = ownsPool;
    this.keepAlive = keepAlive;
    this.recorder = recorder;
  }

  /** An OkHttp request, immutable, shared by every OkHttp client of the trial with the same keep-alive mode. */
  static final class Prepared extends PreparedRequest {
    final okhttp3.Request http;

    Prepared(Request r, boolean keepAlive) {
      super(r, keepAlive);
      okhttp3.Request.Builder b = new okhttp3.Request.Builder().url(r.uri().toString());
      r.headers().forEach(h -> b.addHeader(h.name(), h.value()));
      if (!keepAlive) {
        b.header("Connection", "close");
      }
      this.http = b.build();
    }
  }

  @Override
  public PreparedRequest prepare(Request r) {
    return new Prepared(r, keepAlive);
  }

  private Prepared own(PreparedRequest p) {
    return PreparedRequest.own(p, Prepared.class, keepAlive, "OkHttp");
  }

  private Call newCall(Prepared p, CallTrace trace) {
    Call call = client.newCall(p.http);
    if (trace != null) {
      call.addEventListener(new OkHttpTracer(trace));
    }
    return call;
  }

  @Override
  public long call(PreparedRequest request) throws IOException {
    Prepared p = own(request);
    return Calls.traced(recorder, p.request().site(), trace -> consume(newCall(p, trace).execute(), p, trace));
  }

  @Override
  public CompletableFuture<Long> callAsync(PreparedRequest request) {
    Prepared p = own(request);
    CallTrace trace = recorder == null ? null : recorder.start(p.request().site());
    CompletableFuture<Long> result = new CompletableFuture<>();
    newCall(p, trace).enqueue(new Callback() {
      @Override
      public void onFailure(Call call, IOException e) {
        fail(e);
      }

      @Override
      public void onResponse(Call call, Response response) {
        long bytes;
        try {
          bytes = consume(response, p, trace);
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
  private static long consume(Response response, Prepared p, CallTrace trace) throws IOException {
    try (response; ResponseBody body = response.body()) {
      long bytes = body.source().readAll(Okio.blackhole());
      if (trace != null) {
        trace.status(response.code());
        trace.addBytes(bytes);
      }
      if (!HttpStatusException.isSuccess(response.code())) {
        throw new HttpStatusException(response.code(), p.request());
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
