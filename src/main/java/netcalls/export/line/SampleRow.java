package netcalls.export.line;

import java.io.IOException;

/**
 * One sample, column by column as {@link netcalls.run.SampleSchema} numbers them: a CSV row when
 * exporting a run folder, a recorder row in live mode. Both become the same line through {@link
 * RequestLines}.
 */
public interface SampleRow {
  /** Whether the cell holds a value (an absent phase, status or exception is not there, never 0). */
  boolean has(int column);

  /** An integer cell; {@code reused} as 1 or 0. Only called when {@link #has} is true. */
  long number(int column);

  /** A text cell (leg, target, endpoint, exception, root_cause); "" when empty. */
  String text(int column);

  /** Appends an integer cell's digits; a CSV row copies the bytes it read instead of formatting again. */
  default void appendNumber(int column, LineBuffer out) throws IOException {
    out.append(number(column));
  }
}
