package netcalls.read;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import netcalls.run.SampleRow;

/**
 * RFC 4180 reader over UTF-8 bytes that keeps one record in reusable buffers: cells are read as
 * numbers straight from the bytes, and become Strings only when asked. Works on bytes because every
 * CSV delimiter is ASCII and UTF-8 never uses ASCII bytes inside a multi-byte character. Blank lines
 * are skipped (as pandas does).
 */
final class CsvReader implements Closeable {
  /** A record that is not valid CSV; the reader has moved past it. */
  static final class MalformedException extends Exception {
    final long line;

    MalformedException(long line, String message) {
      super(message);
      this.line = line;
    }
  }

  /**
   * The longest record (line) read: a sample row is well under 1 KiB, so a longer one is a damaged file (a sparse
   * or binary file, a missing newline), never a row; without a limit the buffer doubled until the array overflowed.
   */
  static final int MAX_RECORD_BYTES = 1 << 20;

  /** A record longer than {@link #MAX_RECORD_BYTES}: the file cannot be read past it. */
  static final class TooLongException extends IOException {
    final long line;

    TooLongException(long line) {
      super("line " + line + " is longer than " + (MAX_RECORD_BYTES >> 20) + " MiB, the limit of a CSV line (a"
          + " sample row is under 1 KiB): the file is damaged (a sparse or binary file, or newlines lost)");
      this.line = line;
    }
  }

  private final InputStream in;
  /** Input; the current record's cells are ranges of it (quoted cells unescaped in place). */
  private byte[] buf = new byte[1 << 16];
  private int pos;
  private int lim;
  private int recStart;
  private int cellStart;
  private int w;
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private int size;
  private long line = 1;
  private long recordLine;
  private boolean endedWithNewline;

  CsvReader(InputStream in) {
    this.in = in;
  }

  /**
   * Makes {@code pos < lim} true if input remains, keeping the current record: it is moved to the
   * front of the buffer (the buffer grows when one record fills it) and every index shifts with it.
   */
  private boolean more() throws IOException {
    if (pos < lim) {
      return true;
    }
    if (recStart > 0) {
      int shift = recStart;
      System.arraycopy(buf, shift, buf, 0, lim - shift);
      for (int k = 0; k < size; k++) {
        starts[k] -= shift;
        ends[k] -= shift;
      }
      cellStart -= shift;
      w -= shift;
      pos -= shift;
      lim -= shift;
      recStart = 0;
    }
    if (lim == buf.length) {
      if (buf.length >= MAX_RECORD_BYTES) {
        throw new TooLongException(recordLine);
      }
      buf = Arrays.copyOf(buf, Math.min(MAX_RECORD_BYTES, buf.length * 2));
    }
    int n = in.read(buf, lim, buf.length - lim);
    if (n <= 0) {
      return false;
    }
    lim += n;
    return true;
  }

  /**
   * The records of a CSV file after its header, quoted newlines not counted, without parsing a cell: what the
   * completeness check compares with a trial's "recorded". Reads nothing past a line longer than the limit.
   */
  static long countRecords(java.nio.file.Path csv) throws IOException {
    long records = 0;
    long since = 0; // bytes since the last record's end
    boolean quoted = false;
    byte[] b = new byte[1 << 16];
    try (InputStream input = java.nio.file.Files.newInputStream(csv)) {
      for (int n; (n = input.read(b)) > 0; ) {
        for (int i = 0; i < n; i++) {
          if (b[i] == '"') {
            quoted = !quoted;
          } else if (b[i] == '\n' && !quoted) {
            records++;
            since = -1;
          }
          if (++since > MAX_RECORD_BYTES) {
            throw new TooLongException(records + 1);
          }
        }
      }
    }
    return Math.max(0, records + (since > 0 ? 1 : 0) - 1); // a last record without its newline counts
  }

  /** Reads the next record; false at the end of the input. */
  boolean next() throws IOException, MalformedException {
    while (true) {
      int r = read();
      if (r < 0) {
        return false;
      }
      if (r > 0) {
        return true;
      }
    }
  }

  /** -1 at the end, 0 for a blank line, 1 for a record. */
  private int read() throws IOException, MalformedException {
    size = 0;
    recordLine = line;
    recStart = pos;
    if (!more()) {
      return -1;
    }
    boolean blank = true;
    while (true) {
      cellStart = pos;
      if (!more()) {
        return lastCell(cellStart, cellStart);
      }
      byte c = buf[pos];
      if (c == '"') {
        blank = false;
        pos++;
        cellStart = pos;
        w = pos;
        quoted();
        addCell(cellStart, w);
        if (!more()) {
          endedWithNewline = false;
          return 1;
        }
        c = buf[pos];
        if (c == '\r') {
          pos++;
          if (!more()) {
            endedWithNewline = false;
            return 1;
          }
          c = buf[pos];
        }
        if (c != ',' && c != '\n') {
          skipLine();
          throw new MalformedException(recordLine, "text after a closing quote in cell " + size);
        }
        pos++;
        if (c == '\n') {
          line++;
          endedWithNewline = true;
          return 1;
        }
        continue;
      }
      while (true) { // unquoted: scan to the next delimiter
        int p = pos;
        int l = lim;
        byte[] b = buf;
        while (p < l && (c = b[p]) != ',' && c != '\n') {
          p++;
        }
        pos = p;
        if (p < l) {
          break;
        }
        if (!more()) {
          return lastCell(cellStart, pos);
        }
      }
      int end = pos;
      if (end > cellStart && buf[end - 1] == '\r') {
        end--; // CRLF line ends
      }
      if (end > cellStart) {
        blank = false;
      }
      addCell(cellStart, end);
      pos++;
      if (c == '\n') {
        line++;
        endedWithNewline = true;
        return blank && size == 1 ? 0 : 1;
      }
      blank = false;
    }
  }

  /** The file ended inside a record without a line end. */
  private int lastCell(int from, int to) {
    addCell(from, to);
    endedWithNewline = false;
    return 1;
  }

  /** Unescapes a quoted cell in place up to its closing quote (consumed); "" is a quote. */
  private void quoted() throws IOException, MalformedException {
    while (true) {
      if (!more()) {
        throw new MalformedException(recordLine, "unterminated quoted cell (the file ends inside quotes; truncated?)");
      }
      byte c = buf[pos++];
      if (c == '"') {
        if (!more() || buf[pos] != '"') {
          return;
        }
        pos++;
      } else if (c == '\n') {
        line++;
      }
      buf[w++] = c;
    }
  }

  private void addCell(int from, int to) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    starts[size] = from;
    ends[size] = to;
    size++;
  }

  private void skipLine() throws IOException {
    while (more()) {
      if (buf[pos++] == '\n') {
        line++;
        return;
      }
    }
  }

  int size() {
    return size;
  }

  /** 1-based line of the file where the current record starts. */
  long line() {
    return recordLine;
  }

  /** False for a last record without a line end: the file may have been cut off. */
  boolean endedWithNewline() {
    return endedWithNewline;
  }

  boolean isEmpty(int i) {
    return starts[i] == ends[i];
  }

  String string(int i) {
    return new String(buf, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
  }

  boolean sameAs(int i, String s) {
    if (s == null) {
      return false;
    }
    int n = ends[i] - starts[i];
    int len = s.length();
    if (n < len) {
      return false; // UTF-8 never has fewer bytes than chars
    }
    if (n == len) {
      for (int k = 0, j = starts[i]; k < len; k++, j++) {
        char ch = s.charAt(k);
        byte b = buf[j];
        if (ch >= 0x80 || b < 0) {
          return string(i).equals(s);
        }
        if (ch != b) {
          return false;
        }
      }
      return true;
    }
    for (int j = starts[i]; j < ends[i]; j++) {
      if (buf[j] < 0) {
        return string(i).equals(s); // more bytes than chars: equal only if the cell is not ASCII
      }
    }
    return false;
  }

  /**
   * True when cell i, already read by {@link #longValue}, is written exactly as Java writes the same
   * long (no '+', no leading zeros, no "-0"), so its bytes can be copied to the output as they are.
   */
  boolean canonicalLong(int i) {
    int j = starts[i];
    byte first = buf[j];
    if (first == '+') {
      return false;
    }
    if (first == '-') {
      return buf[j + 1] != '0';
    }
    return first != '0' || ends[i] - j == 1;
  }

  /** Appends cell i's bytes to the sink. */
  void copyTo(int i, SampleRow.Digits sink) throws IOException {
    sink.append(buf, starts[i], ends[i] - starts[i]);
  }

  /** A decimal long, without allocating; NumberFormatException (with the cell text) otherwise. */
  long longValue(int i) {
    int j = starts[i];
    int end = ends[i];
    if (j == end) {
      throw new NumberFormatException("empty");
    }
    boolean negative = buf[j] == '-';
    if (negative || buf[j] == '+') {
      j++;
    }
    if (j == end || end - j > 19) {
      throw new NumberFormatException(string(i));
    }
    long v = 0;
    for (; j < end; j++) {
      int d = buf[j] - '0';
      if (d < 0 || d > 9) {
        throw new NumberFormatException(string(i));
      }
      v = v * 10 + d;
      if (v < 0) {
        throw new NumberFormatException(string(i) + " (too large)");
      }
    }
    return negative ? -v : v;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
