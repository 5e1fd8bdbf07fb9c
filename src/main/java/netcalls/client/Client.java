package netcalls.client;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The facade every HTTP client library is measured through: one adapter per library.
 *
 * <p>Every call reads the whole response body and checks the final status: anything but a 2xx
 * fails the call with {@link HttpStatusException}. A failure is thrown, never returned.
 */
public interface Client extends AutoCloseable {

  /** Sends a GET and blocks until the body is read; returns the number of body bytes. */
  long call(Request request) throws IOException;

  /** Sends a GET through the library's async API; the future completes with the body bytes read. */
  CompletableFuture<Long> callAsync(Request request);

  /** Releases what this client owns (never what it shares). */
  @Override
  void close();
}
