package netcalls.run;

import java.io.IOException;

/**
 * One sample, column by column as {@link SampleSchema} numbers them: a CSV row when reading a run
 * folder, a recorder row in live mode. Both become the same line protocol line.
 */
public interface SampleRow {
  /** Where a row's integer cells are written as digits: the line protocol writer's buffer. */
  interface Digits {
    void append(long v) throws IOException;

    void append(byte[] bytes, int from, int n) throws IOException;
  }

  /** Whether the cell holds a value (an absent phase, status or exception is not there, never 0). */
  boolean has(int column);

  /** An integer cell; {@code reused} as 1 or 0. Only called when {@link #has} is true. */
  long number(int column);

  /** A text cell (leg, target, endpoint, exception, root_cause); "" when empty. */
  String text(int column);

  /** Appends an integer cell's digits; a CSV row copies the bytes it read instead of formatting again. */
  default void appendNumber(int column, Digits out) throws IOException {
    out.append(number(column));
  }
}
