package netcalls.read;

import static netcalls.run.SampleSchema.COLUMNS;
import static netcalls.run.SampleSchema.DURATION;
import static netcalls.run.SampleSchema.LEG;
import static netcalls.run.SampleSchema.REUSED;
import static netcalls.run.SampleSchema.SEQ;
import static netcalls.run.SampleSchema.START_NS;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netcalls.run.SampleRow;

/**
 * A trial's sample CSV (docs/SAMPLES.md) read row by row and checked against {@link
 * netcalls.run.SampleSchema}: a row that is not valid is reported (the first five per file, then a
 * count) and skipped, never half exported. Memory does not depend on the file's size.
 */
public final class SampleCsv implements Closeable, SampleRow {
  private static final int MAX_ROW_ERRORS_SHOWN = 5;
  private static final int N = COLUMNS.size();

  private final String file;
  private final CsvReader csv;
  private final Problems problems;
  private final int[] col = new int[N];
  private final long[] v = new long[N];
  private final boolean[] has = new boolean[N];
  private long rows;
  private long badRows;
  /** Rows before this start (epoch ns) are read and checked but not handed out: the fork's warm-up. */
  private long keepFromNs = Trial.KEEP_ALL;
  private long beforeSteady;

  private SampleCsv(Path path, Problems problems) throws IOException {
    this.file = path.toString();
    this.csv = new CsvReader(new BufferedInputStream(Files.newInputStream(path), 1 << 16));
    this.problems = problems;
  }

  /** Opens the file and checks its header; null (with an error) when a required column is missing. */
  public static SampleCsv open(Path path, Problems problems) throws IOException {
    SampleCsv s = new SampleCsv(path, problems);
    if (!s.header()) {
      s.close();
      return null;
    }
    return s;
  }

  /**
   * Opens a trial's samples cut to its steady segment ({@link Trial#steadyFromNs()}): valid rows that started
   * before it are counted ({@link #beforeSteady()}) and passed over, so every reader sees what JMH's numbers see.
   */
  public static SampleCsv open(Trial trial, Problems problems) throws IOException {
    SampleCsv s = open(trial.csv(), problems);
    if (s != null) {
      s.keepFromNs = trial.steadyFromNs();
    }
    return s;
  }

  /** Valid rows passed over because they started before the steady segment. */
  public long beforeSteady() {
    return beforeSteady;
  }

  /** Moves to the next valid row of the steady segment, reporting and skipping invalid ones; false at the end. */
  public boolean next() throws IOException {
    while (nextValid()) {
      if (v[START_NS] >= keepFromNs) {
        return true;
      }
      beforeSteady++;
    }
    return false;
  }

  /** Moves to the next valid row, reporting and skipping invalid ones; false at the end. */
  private boolean nextValid() throws IOException {
    while (true) {
      try {
        if (!csv.next()) {
          if (badRows > MAX_ROW_ERRORS_SHOWN) {
            problems.error(file + ": " + badRows + " rows in all could not be read (first "
                + MAX_ROW_ERRORS_SHOWN + " shown)");
          }
          return false;
        }
      } catch (CsvReader.MalformedException e) {
        rows++;
        rowError(file + ":" + e.line + ": " + e.getMessage() + "; row left out");
        continue;
      } catch (CsvReader.TooLongException e) {
        problems.error(file + ": " + e.getMessage() + "; the " + rows + " rows before it were read, none after");
        return false;
      }
      rows++;
      String problem = parse();
      if (problem == null) {
        return true;
      }
      rowError(file + ":" + csv.line() + ": " + problem + "; row left out"
          + (csv.endedWithNewline() ? "" : " (last line has no line end: file cut off?)"));
    }
  }

  private void rowError(String message) {
    if (++badRows <= MAX_ROW_ERRORS_SHOWN) {
      problems.error(message);
    }
  }

  /** Rows read, good or bad. */
  public long rows() {
    return rows;
  }

  /** Rows that could not be read. */
  public long badRows() {
    return badRows;
  }

  /** 1-based line of the current row. */
  public long line() {
    return csv.line();
  }

  public String file() {
    return file;
  }

  @Override
  public boolean has(int column) {
    return has[column];
  }

  @Override
  public long number(int column) {
    return v[column];
  }

  @Override
  public String text(int column) {
    return csv.string(col[column]);
  }

  /** Whether a text cell equals {@code s}, without making a String. */
  public boolean sameText(int column, String s) {
    return csv.sameAs(col[column], s);
  }

  @Override
  public void appendNumber(int column, Digits out) throws IOException {
    int i = col[column];
    // the CSV already holds the digits; copying them beats formatting the long again
    if (csv.canonicalLong(i)) {
      csv.copyTo(i, out);
    } else {
      out.append(v[column]);
    }
  }

  /** Column index of each known column; false (and an error) when a required one is missing. */
  private boolean header() throws IOException {
    try {
      if (!csv.next()) {
        problems.error(file + ": empty (no header line): the trial wrote nothing; re-run the benchmark");
        return false;
      }
    } catch (CsvReader.MalformedException e) {
      problems.error(file + ":" + e.line + ": header: " + e.getMessage() + "; file not exported");
      return false;
    } catch (CsvReader.TooLongException e) {
      problems.error(file + ": " + e.getMessage() + "; file not read");
      return false;
    }
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < csv.size(); i++) {
      byName.put(csv.string(i).trim(), i);
    }
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < N; c++) {
      Integer i = byName.get(COLUMNS.get(c));
      if (i == null && netcalls.run.SampleSchema.OPTIONAL.contains(c)) {
        col[c] = -1; // a file from before the column: its cells are empty
      } else if (i == null) {
        missing.add(COLUMNS.get(c));
      } else {
        col[c] = i;
      }
    }
    if (!missing.isEmpty()) {
      problems.error(file + ":1: header lacks column(s) " + missing + " (docs/SAMPLES.md); file not exported");
      return false;
    }
    return true;
  }

  /** Reads and checks the cells of the current record; the problem, naming the column, or null. */
  private String parse() {
    for (int c = 0; c < N; c++) {
      int i = col[c];
      if (i < 0) {
        has[c] = false;
        continue;
      }
      if (i >= csv.size()) {
        return "only " + csv.size() + " cells, no column " + COLUMNS.get(c);
      }
      boolean present = !csv.isEmpty(i);
      has[c] = present;
      switch (c) {
        case LEG:
        case netcalls.run.SampleSchema.TARGET:
        case netcalls.run.SampleSchema.ENDPOINT:
        case netcalls.run.SampleSchema.EXCEPTION:
        case netcalls.run.SampleSchema.ROOT_CAUSE:
          break;
        case REUSED:
          if (present) {
            if (csv.sameAs(i, "true")) {
              v[c] = 1;
            } else if (csv.sameAs(i, "false")) {
              v[c] = 0;
            } else {
              return "column reused: \"" + csv.string(i) + "\" is not true, false or empty";
            }
          }
          break;
        default:
          if (!present) {
            if (c == SEQ || c == START_NS || c == DURATION) {
              return "column " + COLUMNS.get(c) + " is empty but always present";
            }
            break;
          }
          try {
            v[c] = csv.longValue(i);
          } catch (NumberFormatException e) {
            return "column " + COLUMNS.get(c) + ": \"" + csv.string(i) + "\" is not an integer";
          }
      }
    }
    if (v[DURATION] < 0) {
      return "column duration_ns: " + v[DURATION] + " is negative";
    }
    int leg = col[LEG];
    if (!(csv.isEmpty(leg) || csv.sameAs(leg, "a") || csv.sameAs(leg, "b") || csv.sameAs(leg, "pair"))) {
      return "column leg: \"" + csv.string(leg) + "\" is not empty, a, b or pair";
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
