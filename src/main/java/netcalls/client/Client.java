package netcalls.client;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The facade every HTTP client library is measured through: one adapter per library.
 *
 * <p>A request is prepared once, at trial setup, then sent as often as the benchmark likes. Every
 * call reads the whole response body and checks the final status: anything but a 2xx fails the
 * call with {@link HttpStatusException}. A failure is thrown, never returned.
 */
public interface Client extends AutoCloseable {

  /** Builds this client's library request for {@code request}; call it at setup, never per call. */
  PreparedRequest prepare(Request request);

  /** Sends a GET and blocks until the body is read; returns the number of body bytes. */
  long call(PreparedRequest request) throws IOException;

  /** Sends a GET through the library's async API; the future completes with the body bytes read. */
  CompletableFuture<Long> callAsync(PreparedRequest request);

  /** Releases what this client owns (never what it shares). */
  @Override
  void close();
}
