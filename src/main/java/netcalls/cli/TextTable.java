package netcalls.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A plain text table with columns sized to their widest cell, as the summary prints them. */
final class TextTable {
  private final String[] header;
  private final List<String[]> rows = new ArrayList<>();

  TextTable(String... header) {
    this.header = header;
  }

  void row(String... cells) {
    rows.add(cells);
  }

  boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Orders the rows by their cells, so the order does not depend on trial file names (which carry process ids). */
  void sortByCells() {
    rows.sort(Arrays::compare);
  }

  void render(StringBuilder s) {
    int[] w = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      w[i] = header[i].length();
      for (String[] r : rows) {
        w[i] = Math.max(w[i], r[i].length());
      }
    }
    line(s, header, w);
    for (String[] r : rows) {
      line(s, r, w);
    }
  }

  private static void line(StringBuilder s, String[] cells, int[] w) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      l.append(String.format(Locale.ROOT, "%-" + w[i] + "s", cells[i]));
      if (i < cells.length - 1) {
        l.append("  ");
      }
    }
    s.append(l.toString().stripTrailing()).append('\n');
  }
}
