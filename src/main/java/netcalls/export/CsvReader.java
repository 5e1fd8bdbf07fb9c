package netcalls.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;

/**
 * RFC 4180 reader that keeps one record in reusable buffers: cells are read as numbers straight from
 * the characters, and become Strings only when asked. Blank lines are skipped (as pandas does).
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

  private static final int START = 0;
  private static final int UNQUOTED = 1;
  private static final int QUOTED = 2;
  private static final int QUOTE_IN_QUOTED = 3;

  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int lim;
  private char[] rec = new char[256];
  private int[] starts = new int[32];
  private int[] ends = new int[32];
  private int size;
  private long line = 1;
  private long recordLine;
  private boolean endedWithNewline;

  CsvReader(Reader in) {
    this.in = in;
  }

  /** Reads the next record; false at the end of the input. */
  boolean next() throws IOException, MalformedException {
    while (true) {
      if (!read()) {
        return false;
      }
      if (!(size == 1 && starts[0] == ends[0] && endedWithNewline && recWasBlank)) {
        return true;
      }
    }
  }

  private boolean recWasBlank;

  private boolean read() throws IOException, MalformedException {
    size = 0;
    int len = 0;
    int state = START;
    boolean any = false;
    recWasBlank = true;
    recordLine = line;
    char[] r = rec;
    while (true) {
      if (pos >= lim) {
        lim = in.read(buf, 0, buf.length);
        pos = 0;
        if (lim <= 0) {
          lim = 0;
          if (state == QUOTED) {
            throw new MalformedException(recordLine, "unterminated quoted cell (the file ends inside quotes;"
                + " truncated?)");
          }
          if (!any) {
            return false;
          }
          endField(len);
          endedWithNewline = false;
          return true;
        }
      }
      char c = buf[pos++];
      any = true;
      if (len + 1 >= r.length) {
        rec = r = Arrays.copyOf(r, r.length * 2);
      }
      switch (state) {
        case START:
        case UNQUOTED:
          if (c == ',') {
            endField(len);
            recWasBlank = false;
            state = START;
          } else if (c == '\n') {
            endField(len);
            line++;
            endedWithNewline = true;
            return true;
          } else if (c == '\r') {
            // CRLF line ends: the LF ends the record
          } else if (c == '"' && state == START) {
            recWasBlank = false;
            state = QUOTED;
          } else {
            recWasBlank = false;
            r[len++] = c;
            state = UNQUOTED;
          }
          break;
        case QUOTED:
          if (c == '"') {
            state = QUOTE_IN_QUOTED;
          } else {
            if (c == '\n') {
              line++;
            }
            r[len++] = c;
          }
          break;
        default: // QUOTE_IN_QUOTED
          if (c == '"') {
            r[len++] = '"';
            state = QUOTED;
          } else if (c == ',') {
            endField(len);
            state = START;
          } else if (c == '\n') {
            endField(len);
            line++;
            endedWithNewline = true;
            return true;
          } else if (c != '\r') {
            skipLine();
            throw new MalformedException(recordLine, "text after a closing quote in cell " + (size + 1));
          }
      }
    }
  }

  private void endField(int len) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
    }
    starts[size] = size == 0 ? 0 : ends[size - 1];
    ends[size] = len;
    size++;
  }

  private void skipLine() throws IOException {
    while (true) {
      if (pos >= lim) {
        lim = in.read(buf, 0, buf.length);
        pos = 0;
        if (lim <= 0) {
          lim = 0;
          return;
        }
      }
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
    return new String(rec, starts[i], ends[i] - starts[i]);
  }

  boolean sameAs(int i, String s) {
    int n = ends[i] - starts[i];
    if (s == null || s.length() != n) {
      return false;
    }
    for (int k = 0, j = starts[i]; k < n; k++, j++) {
      if (s.charAt(k) != rec[j]) {
        return false;
      }
    }
    return true;
  }

  /** A decimal long, without allocating; NumberFormatException (with the cell text) otherwise. */
  long longValue(int i) {
    int j = starts[i];
    int end = ends[i];
    if (j == end) {
      throw new NumberFormatException("empty");
    }
    boolean negative = rec[j] == '-';
    if (negative || rec[j] == '+') {
      j++;
    }
    if (j == end || end - j > 19) {
      throw new NumberFormatException(string(i));
    }
    long v = 0;
    for (; j < end; j++) {
      int d = rec[j] - '0';
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
