package netcalls.export.line;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Collects lines as UTF-8 bytes in one reusable buffer and writes them out in large chunks, always
 * whole lines; counts each line under its measurement. The sample hot path appends numbers and
 * pre-encoded tag prefixes straight into the buffer, without Strings in between.
 */
public final class LineBuffer implements Closeable {
  /** Told of every line ended, by measurement. */
  @FunctionalInterface
  public interface Counter {
    void line(InfluxMeasurement m);
  }

  private static final int SIZE = 1 << 18;

  private final OutputStream out;
  private final Counter counter;
  private final byte[] buf = new byte[SIZE];
  private final byte[] digits = new byte[20];
  private int pos;

  /** This buffer as a sample row's digit sink. */
  public final netcalls.run.SampleRow.Digits asDigits = new netcalls.run.SampleRow.Digits() {
    @Override
    public void append(long v) throws IOException {
      LineBuffer.this.append(v);
    }

    @Override
    public void append(byte[] bytes, int from, int n) throws IOException {
      LineBuffer.this.append(bytes, from, n);
    }
  };

  public LineBuffer(OutputStream out, Counter counter) {
    this.out = out;
    this.counter = counter;
  }

  private void room(int n) throws IOException {
    if (pos + n > SIZE) {
      flushBuffer();
    }
  }

  /** Bytes appended and not yet handed to the stream. */
  public int pending() {
    return pos;
  }

  public LineBuffer append(byte[] bytes) throws IOException {
    if (bytes.length > SIZE) {
      flushBuffer();
      out.write(bytes);
      return this;
    }
    room(bytes.length);
    System.arraycopy(bytes, 0, buf, pos, bytes.length);
    pos += bytes.length;
    return this;
  }

  /** A slice of bytes already in line protocol form (ASCII digits, UTF-8 text). */
  public LineBuffer append(byte[] bytes, int from, int n) throws IOException {
    if (n > SIZE) {
      flushBuffer();
      out.write(bytes, from, n);
      return this;
    }
    room(n);
    byte[] b = buf;
    int p = pos;
    for (int k = 0; k < n; k++) { // short slices: a loop beats System.arraycopy's call overhead
      b[p + k] = bytes[from + k];
    }
    pos = p + n;
    return this;
  }

  /** An ASCII character. */
  public LineBuffer append(char c) throws IOException {
    room(1);
    buf[pos++] = (byte) c;
    return this;
  }

  public LineBuffer append(long v) throws IOException {
    room(20);
    if (v == Long.MIN_VALUE) {
      return append("-9223372036854775808");
    }
    if (v < 0) {
      buf[pos++] = '-';
      v = -v;
    }
    int n = 0;
    do {
      digits[n++] = (byte) ('0' + v % 10);
      v /= 10;
    } while (v != 0);
    while (n > 0) {
      buf[pos++] = digits[--n];
    }
    return this;
  }

  public LineBuffer append(boolean b) throws IOException {
    return append(b ? TRUE : FALSE);
  }

  private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

  /** Any text, encoded as UTF-8. */
  public LineBuffer append(CharSequence s) throws IOException {
    for (int i = 0, n = s.length(); i < n; i++) {
      room(4);
      char c = s.charAt(i);
      if (c < 0x80) {
        buf[pos++] = (byte) c;
      } else if (c < 0x800) {
        buf[pos++] = (byte) (0xc0 | (c >> 6));
        buf[pos++] = (byte) (0x80 | (c & 0x3f));
      } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        buf[pos++] = (byte) (0xf0 | (cp >> 18));
        buf[pos++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
        buf[pos++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
        buf[pos++] = (byte) (0x80 | (cp & 0x3f));
      } else if (Character.isSurrogate(c)) {
        buf[pos++] = '?'; // a lone surrogate has no UTF-8 form; String.getBytes writes '?' too
      } else {
        buf[pos++] = (byte) (0xe0 | (c >> 12));
        buf[pos++] = (byte) (0x80 | ((c >> 6) & 0x3f));
        buf[pos++] = (byte) (0x80 | (c & 0x3f));
      }
    }
    return this;
  }

  /** Ends the line the caller appended. */
  public void endLine(InfluxMeasurement m) throws IOException {
    append('\n');
    counter.line(m);
  }

  public void line(InfluxMeasurement m, String line) throws IOException {
    append(line);
    endLine(m);
  }

  /** Hands what was appended to the stream; call it between lines, so the stream sees whole lines. */
  public void flushBuffer() throws IOException {
    if (pos > 0) {
      out.write(buf, 0, pos);
      pos = 0;
    }
  }

  @Override
  public void close() throws IOException {
    flushBuffer();
    out.flush();
  }
}
