package netcalls.bench;

/** Closes a trial's resources in the order given, all of them even when one fails. */
final class Closer {
  private Closer() {}

  static void closeAll(AutoCloseable... resources) {
    RuntimeException first = null;
    for (AutoCloseable r : resources) {
      if (r == null) {
        continue;
      }
      try {
        r.close();
      } catch (Exception e) {
        if (first == null) {
          first = new IllegalStateException("closing " + r.getClass().getSimpleName() + " failed", e);
        } else {
          first.addSuppressed(e);
        }
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
