package netcalls.client.jdk;

import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandler;
import netcalls.run.Phase;
import netcalls.trace.CallTrace;

/**
 * The JDK client's tracer. {@code java.net.http} has no event API: the trace gets the whole
 * duration, the receiving phase (the body handler is called when a response's headers arrive) and,
 * from the final response, its status, bytes and redirect hops. Connection phases and whether a
 * connection was reused cannot be seen, so they stay absent, never made up.
 */
final class JdkTracer {
  private JdkTracer() {}

  /** Wraps the body handler so that each response's headers end one receiving span and begin the next. */
  static <T> BodyHandler<T> receiving(CallTrace trace, BodyHandler<T> handler) {
    if (trace == null) {
      return handler;
    }
    return info -> {
      trace.end(Phase.RECEIVING); // a redirect hop's body ends here; the next one begins
      trace.begin(Phase.RECEIVING);
      return handler.apply(info);
    };
  }

  /** Records what the final response tells: hops that led to it, its status and body bytes. */
  static void response(CallTrace trace, HttpResponse<Long> response) {
    if (trace == null) {
      return;
    }
    int hops = 0;
    for (var p = response.previousResponse(); p.isPresent(); p = p.get().previousResponse()) {
      hops++;
    }
    trace.redirects(hops);
    trace.status(response.statusCode());
    trace.addBytes(response.body());
  }
}
