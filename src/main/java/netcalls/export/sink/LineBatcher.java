package netcalls.export.sink;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a line protocol stream into batches of at most {@code maxBytes} (UTF-8, with line ends), at
 * line boundaries. A line longer than that comes alone, and the caller decides. Blank lines and
 * comments (lines starting with '#', which InfluxDB 1.x may count as bad points) are not sent.
 */
final class LineBatcher {
  record Line(long number, String text) {}

  private final BufferedReader in;
  private final long maxBytes;
  private long lineNumber;
  private Line carried;

  LineBatcher(BufferedReader in, long maxBytes) {
    this.in = in;
    this.maxBytes = maxBytes;
  }

  /** The next batch, empty at the end of the stream. */
  List<Line> next() throws IOException {
    List<Line> batch = new ArrayList<>();
    long bytes = 0;
    if (carried != null) {
      batch.add(carried);
      bytes = utf8Length(carried.text()) + 1;
      carried = null;
    }
    String s;
    while ((s = in.readLine()) != null) {
      lineNumber++;
      if (s.isEmpty() || s.charAt(0) == '#') {
        continue;
      }
      Line line = new Line(lineNumber, s);
      long n = utf8Length(s) + 1;
      if (!batch.isEmpty() && bytes + n > maxBytes) {
        carried = line;
        return batch;
      }
      batch.add(line);
      bytes += n;
    }
    return batch;
  }

  static long utf8Length(String s) {
    long n = 0;
    for (int i = 0, len = s.length(); i < len; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }
}
