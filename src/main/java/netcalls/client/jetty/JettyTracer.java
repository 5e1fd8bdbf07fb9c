package netcalls.client.jetty;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
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
 * was sent on it ({@link SeenConnections}). A redirect's response is handled inside Jetty, so a hop's response time
 * counts as waiting.
 *
 * <p>No lock: the request's events come in order, and the response's after the request began (Jetty hands the
 * exchange between its threads), except the request's write notice, which may come on another thread while the
 * response is being read. That notice only notes its instant and hands it over with one compare-and-set; the
 * trace is changed by whichever event owns the call next (the response's begin, a redirect hop, the completion).
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

  /** Where the send stands, for the one race: the write notice against the response's begin. */
  private static final int IDLE = 0;
  private static final int SENDING = 1;
  private static final int SENT = 2;
  private static final int RESPONDING = 3;
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(JettyTracer.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  final CompletableFuture<Long> result = new CompletableFuture<>();
  private final Request request;
  private final CallTrace trace;
  private final SampleRecorder recorder;
  private final SeenConnections seen;
  private long bytes;
  private int begun;
  @SuppressWarnings("unused") // through STATE
  private volatile int state;
  /** When the request was written; published by the compare-and-set to SENT. */
  private long sentAt;

  /** {@code seen}: the connections this client has sent on. */
  JettyTracer(Request request, CallTrace trace, SampleRecorder recorder, SeenConnections seen) {
    this.request = request;
    this.trace = trace;
    this.recorder = recorder;
    this.seen = seen;
  }

  void queued() {
    settle();
    trace.end(Phase.WAITING); // a redirect hop's response was handled inside Jetty
    trace.begin(Phase.BLOCKED);
  }

  void begin(Connection c) {
    begun++;
    settle();
    trace.end(Phase.WAITING);
    trace.end(Phase.BLOCKED);
    if (c != null && seen.firstUse(c)) {
      trace.connected();
    } else if (c != null && !trace.reusedKnown()) {
      trace.reused(true);
    }
    trace.begin(Phase.SENDING);
    STATE.setRelease(this, SENDING);
  }

  /** The write notice: notes when, and leaves the trace to its owner; dropped when the response began first. */
  void sent() {
    if ((int) STATE.getAcquire(this) == SENDING) {
      sentAt = trace.now();
      STATE.compareAndSet(this, SENDING, SENT);
    }
  }

  /** Applies a write notice that came before this event: sending ended, waiting began, at its instant. */
  private void settle() {
    if ((int) STATE.getAcquire(this) == SENT) {
      trace.next(Phase.SENDING, Phase.WAITING, sentAt);
      STATE.setRelease(this, IDLE);
    }
  }

  @Override
  public void onBegin(Response response) {
    if (trace != null) {
      if ((int) STATE.getAndSet(this, RESPONDING) == SENT) {
        trace.next(Phase.SENDING, Phase.WAITING, sentAt);
      } else {
        // no write notice yet: where sending ended is unknown, so the span counts as waiting
        trace.carry(Phase.SENDING, Phase.WAITING);
      }
      trace.next(Phase.WAITING, Phase.RECEIVING);
    }
  }

  @Override
  public void onContent(Response response, ByteBuffer content) {
    bytes += content.remaining();
  }

  @Override
  public void onComplete(Result outcome) {
    Response response = outcome.getResponse();
    int status = response == null ? -1 : response.getStatus();
    if (trace != null) {
      settle(); // sent, and failed before any response
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
