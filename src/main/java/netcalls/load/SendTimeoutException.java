package netcalls.load;

import java.util.concurrent.TimeoutException;

/**
 * A request the generator reached more than the per-request timeout after its intended start: for a
 * user arriving on schedule it had already timed out, so it is counted as a timeout and never sent.
 * Without this a sender held up by the client (AsyncHttpClient waits on the calling thread for a free
 * connection, up to its connect timeout, per request) would stretch a 5 s schedule into hours.
 */
public final class SendTimeoutException extends TimeoutException {
  private static final long serialVersionUID = 1L;

  /** One shared instance: nothing is thrown, it only names the failure class in the counts. */
  static final SendTimeoutException INSTANCE = new SendTimeoutException();

  private SendTimeoutException() {
    super("not sent: the sender reached it after its timeout had passed");
  }

  @Override
  public synchronized Throwable fillInStackTrace() {
    return this; // never thrown: no stack to keep
  }
}
