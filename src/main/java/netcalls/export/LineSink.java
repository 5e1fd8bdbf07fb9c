package netcalls.export;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Collects lines in one reusable buffer and writes them out in large chunks as UTF-8; counts each
 * line under its measurement. The sample hot path appends straight into {@link #buffer()}.
 */
final class LineSink implements Closeable {
  private static final int FLUSH_AT = 1 << 18;

  private final Writer out;
  private final ExportReport report;
  private final StringBuilder buf = new StringBuilder(FLUSH_AT + 4096);

  LineSink(OutputStream out, ExportReport report) {
    this.out = new OutputStreamWriter(new BufferedOutputStream(out, 1 << 16), StandardCharsets.UTF_8);
    this.report = report;
  }

  StringBuilder buffer() {
    return buf;
  }

  /** Ends the line the caller appended to {@link #buffer()}. */
  void endLine(Measurement m) throws IOException {
    buf.append('\n');
    report.built(m);
    if (buf.length() >= FLUSH_AT) {
      flushBuffer();
    }
  }

  void line(Measurement m, String line) throws IOException {
    buf.append(line);
    endLine(m);
  }

  private void flushBuffer() throws IOException {
    out.append(buf);
    buf.setLength(0);
  }

  @Override
  public void close() throws IOException {
    flushBuffer();
    out.close();
  }
}
