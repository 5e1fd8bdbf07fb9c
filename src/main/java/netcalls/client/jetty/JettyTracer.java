package netcalls.client.jetty;

import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import netcalls.client.HttpStatusException;
import netcalls.client.Request;
import netcalls.run.Phase;
import netcalls.trace.CallTrace;
import netcalls.trace.SampleRecorder;
import org.eclipse.jetty.client.Connection;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.transport.HttpRequest;

/**
 * Jetty's tracer, one per call: the call's response listener, and the target of the client-wide
 * request listener {@link #HOPS}, found through the request's conversation, which every redirect
 * hop shares (Jetty copies neither per-request listeners nor attributes onto a hop, and a tag
 * would give each call its own destination, hence its own connection pool). It maps the events onto the trace
 * (when one is given), counts the body bytes (nothing kept) and completes the call's future.
 *
 * <p>Jetty opens connections for a destination, not for a request, and tells a request nothing
 * about DNS or connect: a new connection's TCP set-up lies inside {@code blocked} (queued until a
 * connection takes the request), and over https its TLS handshake, which Jetty runs on the first
 * write, inside {@code sending}. A connection is new to a call when no earlier call of this client
 * was sent on it. A redirect's response is handled inside Jetty, so a hop's response time counts
 * as waiting. The request's and the response's events may come on two threads at once (the
 * response can be read before the request's write is reported done), hence the lock.
 */
final class JettyTracer implements Response.Listener {
  /** The client-wide request listener: hands each hop's events to its call's tracer. */
  static final org.eclipse.jetty.client.Request.Listener HOPS = new org.eclipse.jetty.client.Request.Listener() {
    @Override
    public void onQueued(org.eclipse.jetty.client.Request r) {
      JettyTracer t = of(r);
      if (t != null) {
        t.queued();
      }
    }

    @Override
    public void onBegin(org.eclipse.jetty.client.Request r) {
      JettyTracer t = of(r);
      if (t != null) {
        t.begin(r.getConnection());
      }
    }

    @Override
    public void onSuccess(org.eclipse.jetty.client.Request r) {
      JettyTracer t = of(r);
      if (t != null) {
        t.sent();
      }
    }
  };

  private static final String KEY = "netcalls.trace";

  static void attach(org.eclipse.jetty.client.Request r, JettyTracer tracer) {
    if (r instanceof HttpRequest h) {
      h.getConversation().setAttribute(KEY, tracer);
    }
  }

  private static JettyTracer of(org.eclipse.jetty.client.Request r) {
    return r instanceof HttpRequest h && h.getConversation().getAttribute(KEY) instanceof JettyTracer t ? t : null;
  }

  final CompletableFuture<Long> result = new CompletableFuture<>();
  private final Request request;
  private final CallTrace trace;
  private final SampleRecorder recorder;
  private final Set<Connection> seen;
  private long bytes;
  private int begun;

  /** {@code seen}: the connections this client has sent on (weak, synchronized). */
  JettyTracer(Request request, CallTrace trace, SampleRecorder recorder, Set<Connection> seen) {
    this.request = request;
    this.trace = trace;
    this.recorder = recorder;
    this.seen = seen;
  }

  synchronized void queued() {
    trace.end(Phase.WAITING); // a redirect hop's response was handled inside Jetty
    trace.begin(Phase.BLOCKED);
  }

  synchronized void begin(Connection c) {
    begun++;
    trace.end(Phase.WAITING);
    trace.end(Phase.BLOCKED);
    if (c != null && seen.add(c)) {
      trace.connected();
    } else if (c != null && !trace.reusedKnown()) {
      trace.reused(true);
    }
    trace.begin(Phase.SENDING);
  }

  synchronized void sent() {
    // a late notice: the response has begun, sending's span already went to waiting
    if (trace.isOpen(Phase.SENDING)) {
      trace.next(Phase.SENDING, Phase.WAITING);
    }
  }

  @Override
  public synchronized void onBegin(Response response) {
    if (trace != null) {
      // no write notice yet: where sending ended is unknown, so the span counts as waiting
      trace.carry(Phase.SENDING, Phase.WAITING);
      trace.next(Phase.WAITING, Phase.RECEIVING);
    }
  }

  @Override
  public void onContent(Response response, ByteBuffer content) {
    bytes += content.remaining();
  }

  @Override
  public synchronized void onComplete(Result outcome) {
    Response response = outcome.getResponse();
    int status = response == null ? -1 : response.getStatus();
    if (trace != null) {
      trace.end(Phase.RECEIVING);
      trace.redirects(Math.max(0, begun - 1));
      if (status > 0) {
        trace.status(status);
      }
    }
    if (outcome.isFailed()) {
      fail(outcome.getFailure());
    } else if (!HttpStatusException.isSuccess(status)) {
      fail(new HttpStatusException(status, request));
    } else {
      if (trace != null) {
        trace.addBytes(bytes);
        recorder.finish(trace, null);
      }
      result.complete(bytes);
    }
  }

  void fail(Throwable t) {
    if (result.isDone()) {
      return;
    }
    if (trace != null) {
      trace.addBytes(bytes);
      recorder.finish(trace, t);
    }
    result.completeExceptionally(t);
  }
}
