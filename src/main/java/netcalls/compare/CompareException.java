package netcalls.compare;

/** Input that cannot be compared at all (exit 2); the message is one line naming the file and what to do. */
public final class CompareException extends Exception {
  private static final long serialVersionUID = 1L;

  public CompareException(String message) {
    super(message);
  }
}
