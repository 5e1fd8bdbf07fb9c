package netcalls.read;

import java.util.ArrayList;
import java.util.List;

/** Where readers put what they found wrong with a run folder; each message names the file and what to do. */
public interface Problems {
  /** Something that could not be read or exported. */
  void error(String message);

  /** Something odd that was still exported. */
  void warn(String message);

  /** Drops everything: for readers whose caller reports nothing (the summary prints what it can). */
  Problems IGNORE = new Problems() {
    @Override
    public void error(String message) {}

    @Override
    public void warn(String message) {}
  };

  /** Keeps the errors, in order, and drops the warnings: for callers that show what could not be read. */
  final class Errors implements Problems {
    private final List<String> errors = new ArrayList<>();

    @Override
    public void error(String message) {
      errors.add(message);
    }

    @Override
    public void warn(String message) {}

    public List<String> list() {
      return errors;
    }
  }
}
