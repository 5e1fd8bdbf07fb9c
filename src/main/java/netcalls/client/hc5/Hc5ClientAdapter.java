package netcalls.client.hc5;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import netcalls.client.Calls;
import netcalls.client.Client;
import netcalls.client.HttpStatusException;
import netcalls.client.PreparedRequest;
import netcalls.client.Request;
import netcalls.run.Phase;
import netcalls.trace.CallTrace;
import netcalls.trace.SampleRecorder;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.io.CloseMode;

/**
 * HttpClient 5's classic (blocking) client through the facade. {@code callAsync} runs the same
 * blocking call on the trial's executor: HttpClient 5's async client owns an I/O reactor per
 * client whose close ends every connection it opened, so new async clients over one shared pool
 * would not share connections, and {@code shared_pool} could not mean what it means for the others.
 */
final class Hc5ClientAdapter implements Client {
  private final CloseableHttpClient client;
  private final boolean keepAlive;
  private final SampleRecorder recorder;
  private final ExecutorService async;

  Hc5ClientAdapter(CloseableHttpClient client, boolean keepAlive, SampleRecorder recorder, ExecutorService async) {
    this.client = client;
    this.keepAlive = keepAlive;
    this.recorder = recorder;
    this.async = async;
  }

  /** An HttpClient 5 request; the client copies it per execution, so one is shared by every call. */
  static final class Prepared extends PreparedRequest {
    final HttpGet http;

    Prepared(Request r, boolean keepAlive) {
      super(r, keepAlive);
      this.http = new HttpGet(r.uri());
      r.headers().forEach(h -> http.addHeader(h.name(), h.value()));
      if (!keepAlive) {
        http.setHeader(HttpHeaders.CONNECTION, "close");
      }
    }
  }

  @Override
  public PreparedRequest prepare(Request r) {
    return new Prepared(r, keepAlive);
  }

  private Prepared own(PreparedRequest p) {
    return PreparedRequest.own(p, Prepared.class, keepAlive, "Apache HttpClient 5");
  }

  @Override
  public long call(PreparedRequest request) throws IOException {
    Prepared p = own(request);
    return Calls.traced(recorder, p.request().site(), trace -> execute(p, trace));
  }

  @Override
  public CompletableFuture<Long> callAsync(PreparedRequest request) {
    Prepared p = own(request);
    return CompletableFuture.supplyAsync(() -> {
      try {
        return call(p);
      } catch (IOException e) {
        throw new CompletionException(e);
      }
    }, async);
  }

  private long execute(Prepared p, CallTrace trace) throws IOException {
    HttpClientContext context = null;
    if (trace != null) {
      context = HttpClientContext.create();
      context.setAttribute(Hc5Tracer.KEY, trace);
    }
    HttpClientContext ctx = context;
    return client.execute(p.http, ctx, response -> consume(response, p.request(), trace, ctx));
  }

  /** Reads the whole body without keeping it, then checks the status. */
  private static long consume(ClassicHttpResponse response, Request r, CallTrace trace, HttpClientContext context)
      throws IOException {
    long bytes = 0;
    HttpEntity entity = response.getEntity();
    if (entity != null) {
      try (InputStream in = entity.getContent()) {
        bytes = in.transferTo(OutputStream.nullOutputStream());
      }
    }
    if (trace != null) {
      trace.end(Phase.RECEIVING);
      trace.status(response.getCode());
      trace.addBytes(bytes);
      trace.redirects(context.getRedirectLocations().size());
    }
    if (!HttpStatusException.isSuccess(response.getCode())) {
      throw new HttpStatusException(response.getCode(), r);
    }
    return bytes;
  }

  /** Closes the client; a client over the shared pool leaves the pool open (it is marked shared). */
  @Override
  public void close() {
    client.close(CloseMode.GRACEFUL);
  }
}
