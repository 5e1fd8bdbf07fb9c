package netcalls.export.line;

import static netcalls.run.SampleSchema.BLOCKED;
import static netcalls.run.SampleSchema.BYTES;
import static netcalls.run.SampleSchema.CLOSE;
import static netcalls.run.SampleSchema.COLUMNS;
import static netcalls.run.SampleSchema.CONNECTING;
import static netcalls.run.SampleSchema.DNS;
import static netcalls.run.SampleSchema.DURATION;
import static netcalls.run.SampleSchema.EXCEPTION;
import static netcalls.run.SampleSchema.RECEIVING;
import static netcalls.run.SampleSchema.REDIRECTS;
import static netcalls.run.SampleSchema.REUSED;
import static netcalls.run.SampleSchema.ROOT_CAUSE;
import static netcalls.run.SampleSchema.SENDING;
import static netcalls.run.SampleSchema.START_NS;
import static netcalls.run.SampleSchema.STATUS;
import static netcalls.run.SampleSchema.TLS_HANDSHAKING;
import static netcalls.run.SampleSchema.WAITING;

import java.io.IOException;
import netcalls.run.SampleRow;
import java.nio.charset.StandardCharsets;

/**
 * The {@code netcalls_request} line of a sample row: the one writer for the file export and live
 * mode. Besides the row's columns it carries {@code offset_ms}, the time since the trial's first sample
 * ({@link TrialStart}). Written by hand, in exactly the bytes {@code Point.lineProtocol()} gives for the same tags and
 * fields (sorted keys, same escaping; LineProtocolEquivalenceTest): Point's TreeMaps per row would
 * cost more than the rest of the export.
 */
public final class RequestLines {
  /** Columns that become fields, in the order their fields appear in a line (fields sorted by name). */
  private static final int[] FIELD_ORDER = {BLOCKED, BYTES, CLOSE, CONNECTING, DNS, DURATION, EXCEPTION, RECEIVING,
      REDIRECTS, REUSED, ROOT_CAUSE, SENDING, STATUS, TLS_HANDSHAKING, WAITING};
  private static final byte[][] FIELD_PREFIX = new byte[COLUMNS.size()][];
  private static final byte[][] FIELD_PREFIX_COMMA = new byte[COLUMNS.size()][];

  static {
    for (int c : FIELD_ORDER) {
      FIELD_PREFIX[c] = (COLUMNS.get(c) + "=").getBytes(StandardCharsets.US_ASCII);
      FIELD_PREFIX_COMMA[c] = ("," + COLUMNS.get(c) + "=").getBytes(StandardCharsets.US_ASCII);
    }
  }

  private static final byte[] OFFSET_PREFIX = "offset_ms=".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] OFFSET_PREFIX_COMMA = ",offset_ms=".getBytes(StandardCharsets.US_ASCII);

  private final StringBuilder scratch = new StringBuilder();
  private final TrialStart trial;

  /** Lines of one trial, whose {@code offset_ms} counts from {@code trial}'s first sample. */
  public RequestLines(TrialStart trial) {
    this.trial = trial;
  }

  /** Writes the row's line into {@code s}'s series; returns the point's time (start, nudged past ties). */
  public long write(LineBuffer out, SeriesTable.Series s, SampleRow row) throws IOException {
    long start = row.number(START_NS);
    long t = s.time(start);
    long offset = trial.offsetMs(start);
    out.append(s.prefixBytes());
    boolean first = true;
    for (int c : FIELD_ORDER) {
      if (c == RECEIVING) { // offset_ms sorts between exception and receiving_ns
        out.append(first ? OFFSET_PREFIX : OFFSET_PREFIX_COMMA);
        out.append(offset);
        out.append('i');
        first = false;
      }
      if (!row.has(c)) {
        continue;
      }
      out.append(first ? FIELD_PREFIX[c] : FIELD_PREFIX_COMMA[c]);
      first = false;
      if (c == EXCEPTION || c == ROOT_CAUSE) {
        scratch.setLength(0);
        LineProtocol.appendStringField(scratch, LineProtocol.oneLine(row.text(c)));
        out.append(scratch);
      } else if (c == REUSED) {
        out.append(row.number(c) == 1);
      } else {
        row.appendNumber(c, out.asDigits);
        out.append('i');
      }
    }
    out.append(' ');
    if (t == start) {
      row.appendNumber(START_NS, out.asDigits);
    } else {
      out.append(t);
    }
    out.endLine(InfluxMeasurement.REQUEST);
    return t;
  }
}
