package netcalls.export.sink;

/** Waits between retries; tests pass one that does not sleep. */
@FunctionalInterface
public interface Sleeper {
  void sleep(long millis) throws InterruptedException;
}
