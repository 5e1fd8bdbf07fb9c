package netcalls.client;

import java.io.IOException;

/** A response arrived, but its status is not 2xx. */
public final class HttpStatusException extends IOException {
  private final int status;

  public HttpStatusException(int status, Request request) {
    super("HTTP " + status + " from " + request.site().target() + " (" + request.site().endpoint() + ")");
    this.status = status;
  }

  public int status() {
    return status;
  }

  public static boolean isSuccess(int status) {
    return status >= 200 && status < 300;
  }
}
