package netcalls.export;

import java.io.IOException;
import java.io.BufferedInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * The hot path: sample CSV rows to netcalls_request lines (one per row), netcalls_pair lines (one per
 * paired operation), and per trial the netcalls_request_exception counts; the duration histograms of
 * every request series are kept in HdrHistograms and written by {@link #writeHistograms}.
 *
 * <p>Lines are written by hand, in exactly the bytes {@code Point.lineProtocol()} gives for the same
 * tags and fields (tags and fields sorted by key, same escaping; tested in LineProtocolEquivalenceTest):
 * Point's TreeMaps per row cost more than the rest of the export. The escaped tag part of each series
 * is built once and reused. Memory depends on the number of series, never on the number of rows.
 */
final class SampleExporter {
  static final String[] COLUMNS = {"seq", "start_ns", "leg", "target", "endpoint", "status", "bytes", "reused",
      "redirects", "blocked_ns", "dns_ns", "connecting_ns", "tls_handshaking_ns", "sending_ns", "waiting_ns",
      "receiving_ns", "duration_ns", "exception", "root_cause"};
  private static final int SEQ = 0;
  private static final int START = 1;
  private static final int LEG = 2;
  private static final int TARGET = 3;
  private static final int ENDPOINT = 4;
  private static final int STATUS = 5;
  private static final int BYTES = 6;
  private static final int REUSED = 7;
  private static final int REDIRECTS = 8;
  private static final int BLOCKED = 9;
  private static final int DNS = 10;
  private static final int CONNECTING = 11;
  private static final int TLS = 12;
  private static final int SENDING = 13;
  private static final int WAITING = 14;
  private static final int RECEIVING = 15;
  private static final int DURATION = 16;
  private static final int EXCEPTION = 17;
  private static final int ROOT_CAUSE = 18;

  /** Columns that become fields, in the order their fields appear in a line (fields sorted by name). */
  private static final int[] FIELD_ORDER = {BLOCKED, BYTES, CONNECTING, DNS, DURATION, EXCEPTION, RECEIVING,
      REDIRECTS, REUSED, ROOT_CAUSE, SENDING, STATUS, TLS, WAITING};
  private static final byte[][] FIELD_PREFIX = new byte[COLUMNS.length][];
  private static final byte[][] FIELD_PREFIX_COMMA = new byte[COLUMNS.length][];

  static {
    for (int c : FIELD_ORDER) {
      FIELD_PREFIX[c] = (COLUMNS[c] + "=").getBytes(StandardCharsets.US_ASCII);
      FIELD_PREFIX_COMMA[c] = ("," + COLUMNS[c] + "=").getBytes(StandardCharsets.US_ASCII);
    }
  }

  private static final int MAX_ROW_ERRORS_SHOWN = 5;

  /** A series: the escaped "measurement,tags " part of its lines, its last time, its histogram. */
  static final class Series {
    final String prefix;
    final byte[] prefixBytes;
    final Map<String, String> tags;
    final Histogram histogram;
    long last = Long.MIN_VALUE;

    Series(String prefix, Map<String, String> tags, Histogram histogram) {
      this.prefix = prefix;
      this.prefixBytes = prefix.getBytes(StandardCharsets.UTF_8);
      this.tags = tags;
      this.histogram = histogram;
    }

    /** The row's time, or last + 1 ns when it would tie with (or precede) the previous point of the series. */
    long time(long t) {
      last = t > last ? t : last + 1;
      return last;
    }
  }

  private record SeriesPair(Series request, Series pair) {}

  private static final class PairParts {
    long a = -1;
    long b = -1;
    Series series;
    long start;
    long duration = -1;
    long line;
  }

  private static final class Failures {
    final String target;
    final String endpoint;
    final String exception;
    final String rootCause;
    long count;
    long first;

    Failures(String target, String endpoint, String exception, String rootCause, long first) {
      this.target = target;
      this.endpoint = endpoint;
      this.exception = exception;
      this.rootCause = rootCause;
      this.first = first;
    }
  }

  private final LineSink sink;
  private final PointEmitter emitter;
  private final ExportReport report;
  private final RunInfo run;
  private final Progress progress;
  /** Every series of the run by its prefix: forks of one parameter set share series and histograms. */
  private final Map<String, Series> series = new LinkedHashMap<>();
  private long latestStart = Long.MIN_VALUE;

  SampleExporter(LineSink sink, PointEmitter emitter, ExportReport report, RunInfo run, Progress progress) {
    this.sink = sink;
    this.emitter = emitter;
    this.report = report;
    this.run = run;
    this.progress = progress;
  }

  /** Exports one trial's CSV; returns the number of rows read. */
  long export(Trial trial) throws IOException {
    String file = trial.csv().toString();
    Map<String, String> trialTags = Tags.benchmark(run, trial.benchmark(), trial.mode(), trial.params());
    Map<String, SeriesPair> bySeriesCells = new HashMap<>();
    Map<Long, PairParts> pending = new HashMap<>();
    Map<String, Failures> failures = new LinkedHashMap<>();
    long rows = 0;
    long rowErrors = 0;
    try (CsvReader csv = new CsvReader(new BufferedInputStream(Files.newInputStream(trial.csv()), 1 << 16))) {
      int[] col = header(csv, file);
      if (col == null) {
        return 0;
      }
      String lastTarget = null;
      String lastEndpoint = null;
      String lastLeg = null;
      SeriesPair current = null;
      long[] v = new long[COLUMNS.length];
      boolean[] has = new boolean[COLUMNS.length];
      StringBuilder scratch = new StringBuilder();
      while (true) {
        try {
          if (!csv.next()) {
            break;
          }
        } catch (CsvReader.MalformedException e) {
          rows++;
          rowErrors++;
          rowError(rowErrors, file + ":" + e.line + ": " + e.getMessage() + "; row not exported");
          continue;
        }
        rows++;
        if ((rows & 8191) == 0) {
          progress.tick(report.pointsBuilt(), file + ":" + csv.line());
        }
        String problem = parse(csv, col, v, has);
        if (problem != null) {
          rowErrors++;
          rowError(rowErrors, file + ":" + csv.line() + ": " + problem + "; row not exported"
              + (csv.endedWithNewline() ? "" : " (last line has no line end: file cut off?)"));
          continue;
        }
        int ti = col[TARGET];
        int ei = col[ENDPOINT];
        int li = col[LEG];
        if (current == null || !csv.sameAs(ti, lastTarget) || !csv.sameAs(ei, lastEndpoint)
            || !csv.sameAs(li, lastLeg)) {
          lastTarget = csv.string(ti);
          lastEndpoint = csv.string(ei);
          lastLeg = csv.string(li);
          String key = lastTarget + '\u0000' + lastEndpoint + '\u0000' + lastLeg;
          current = bySeriesCells.get(key);
          if (current == null) {
            current = seriesFor(trialTags, lastTarget, lastEndpoint, lastLeg);
            bySeriesCells.put(key, current);
          }
        }
        Series s = current.request();
        long t = s.time(v[START]);
        latestStart = Math.max(latestStart, t);
        s.histogram.recordValue(v[DURATION]);
        sink.append(s.prefixBytes);
        appendFields(sink, scratch, csv, col, v, has);
        sink.append(' ');
        if (t == v[START] && csv.canonicalLong(col[START])) {
          csv.copyTo(col[START], sink);
        } else {
          sink.append(t);
        }
        sink.endLine(Measurement.REQUEST);

        if (has[EXCEPTION] && !lastLeg.equals("pair")) { // a pair row repeats its failed leg's exception
          String exception = csv.string(col[EXCEPTION]);
          String root = has[ROOT_CAUSE] ? csv.string(col[ROOT_CAUSE]) : "";
          String fk = lastTarget + '\u0000' + lastEndpoint + '\u0000' + exception + '\u0000' + root;
          failures.computeIfAbsent(fk, k -> new Failures(csv.string(ti), csv.string(ei), exception, root,
              v[START])).count++;
        }
        if (!lastLeg.isEmpty()) {
          pair(pending, lastLeg, v, current.pair(), csv.line(), file);
        }
      }
    }
    report.rows(rows, rowErrors);
    if (rowErrors > MAX_ROW_ERRORS_SHOWN) {
      report.error(file + ": " + rowErrors + " rows in all could not be exported (first "
          + MAX_ROW_ERRORS_SHOWN + " shown)");
    }
    flushPairs(pending, file);
    writeFailures(trialTags, failures, file);
    return rows;
  }

  private void rowError(long nth, String message) {
    if (nth <= MAX_ROW_ERRORS_SHOWN) {
      report.error(message);
    }
  }

  /** Column index of each known column; null (and an error) when a required one is missing. */
  private int[] header(CsvReader csv, String file) throws IOException {
    try {
      if (!csv.next()) {
        report.error(file + ": empty (no header line): the trial wrote nothing; re-run the benchmark");
        return null;
      }
    } catch (CsvReader.MalformedException e) {
      report.error(file + ":" + e.line + ": header: " + e.getMessage() + "; file not exported");
      return null;
    }
    Map<String, Integer> byName = new HashMap<>();
    for (int i = 0; i < csv.size(); i++) {
      byName.put(csv.string(i).trim(), i);
    }
    int[] col = new int[COLUMNS.length];
    List<String> missing = new ArrayList<>();
    for (int c = 0; c < COLUMNS.length; c++) {
      Integer i = byName.get(COLUMNS[c]);
      if (i == null) {
        missing.add(COLUMNS[c]);
      } else {
        col[c] = i;
      }
    }
    if (!missing.isEmpty()) {
      report.error(file + ":1: header lacks column(s) " + missing + " (docs/SAMPLES.md); file not exported");
      return null;
    }
    return col;
  }

  /** Reads and checks the cells of a row into v/has; the problem, naming the column, or null. */
  private static String parse(CsvReader csv, int[] col, long[] v, boolean[] has) {
    for (int c = 0; c < COLUMNS.length; c++) {
      int i = col[c];
      if (i >= csv.size()) {
        return "only " + csv.size() + " cells, no column " + COLUMNS[c];
      }
      has[c] = !csv.isEmpty(i);
      switch (c) {
        case LEG:
        case TARGET:
        case ENDPOINT:
        case EXCEPTION:
        case ROOT_CAUSE:
          break;
        case REUSED:
          if (has[c]) {
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
          if (!has[c]) {
            if (c == SEQ || c == START || c == DURATION) {
              return "column " + COLUMNS[c] + " is empty but always present";
            }
            break;
          }
          try {
            v[c] = csv.longValue(i);
          } catch (NumberFormatException e) {
            return "column " + COLUMNS[c] + ": \"" + csv.string(i) + "\" is not an integer";
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

  private static void appendFields(LineSink sink, StringBuilder scratch, CsvReader csv, int[] col, long[] v,
      boolean[] has) throws IOException {
    boolean first = true;
    for (int c : FIELD_ORDER) {
      if (!has[c]) {
        continue;
      }
      sink.append(first ? FIELD_PREFIX[c] : FIELD_PREFIX_COMMA[c]);
      first = false;
      if (c == EXCEPTION || c == ROOT_CAUSE) {
        scratch.setLength(0);
        LineProtocol.appendStringField(scratch, LineProtocol.oneLine(csv.string(col[c])));
        sink.append(scratch);
      } else if (c == REUSED) {
        sink.append(v[c] == 1);
      } else {
        // the CSV already holds the digits; copying them beats formatting the long again
        if (csv.canonicalLong(col[c])) {
          csv.copyTo(col[c], sink);
        } else {
          sink.append(v[c]);
        }
        sink.append('i');
      }
    }
  }

  private SeriesPair seriesFor(Map<String, String> trialTags, String target, String endpoint, String leg) {
    Map<String, String> tags = new TreeMap<>(trialTags);
    tags.put("target", target);
    tags.put("endpoint", endpoint);
    Map<String, String> pairTags = new TreeMap<>(tags);
    tags.put("leg", leg);
    Map<String, String> t = sanitised(tags);
    Series request = series.computeIfAbsent(prefix(Measurement.REQUEST, t), p -> new Series(p, t, new Histogram(3)));
    Series pair = null;
    if (leg.equals("pair")) {
      Map<String, String> pt = sanitised(pairTags);
      pair = series.computeIfAbsent(prefix(Measurement.PAIR, pt), p -> new Series(p, pt, null));
    }
    return new SeriesPair(request, pair);
  }

  private static Map<String, String> sanitised(Map<String, String> raw) {
    Map<String, String> t = new TreeMap<>();
    raw.forEach((k, v) -> t.put(LineProtocol.tagValue(k), LineProtocol.tagValue(v)));
    return t;
  }

  /** "measurement,k=v,... " escaped as Point escapes it; tags must be sorted and sanitised. */
  static String prefix(Measurement m, Map<String, String> sortedTags) {
    StringBuilder sb = new StringBuilder(256);
    LineProtocol.appendKey(sb, m.measurementName());
    sortedTags.forEach((k, v) -> {
      sb.append(',');
      LineProtocol.appendKey(sb, k);
      sb.append('=');
      LineProtocol.appendKey(sb, v);
    });
    return sb.append(' ').toString();
  }

  /** Collects a leg or total of a paired operation; writes the pair point once all three rows are in. */
  private void pair(Map<Long, PairParts> pending, String leg, long[] v, Series pairSeries, long line, String file)
      throws IOException {
    PairParts p = pending.computeIfAbsent(v[SEQ], k -> new PairParts());
    switch (leg) {
      case "a":
        p.a = v[DURATION];
        break;
      case "b":
        p.b = v[DURATION];
        break;
      default:
        if (p.duration >= 0) {
          report.warn(file + ":" + line + ": second pair row for seq " + v[SEQ] + "; the first is kept");
          return;
        }
        p.series = pairSeries;
        p.start = v[START];
        p.duration = v[DURATION];
        p.line = line;
    }
    if (p.duration >= 0 && p.a >= 0 && p.b >= 0) {
      writePair(p);
      pending.remove(v[SEQ]);
    }
  }

  private void writePair(PairParts p) throws IOException {
    sink.append(p.series.prefixBytes);
    boolean first = true;
    if (p.a >= 0) {
      sink.append("a_duration_ns=").append(p.a).append('i');
      first = false;
    }
    if (p.b >= 0) {
      sink.append(first ? "" : ",").append("b_duration_ns=").append(p.b).append('i');
      first = false;
    }
    sink.append(first ? "" : ",").append("duration_ns=").append(p.duration).append('i');
    sink.append(' ').append(p.series.time(p.start));
    sink.endLine(Measurement.PAIR);
  }

  /** Pairs still open at the end of the file: written with the legs that are there, and said. */
  private void flushPairs(Map<Long, PairParts> pending, String file) throws IOException {
    List<Map.Entry<Long, PairParts>> open = new ArrayList<>(pending.entrySet());
    open.sort(Map.Entry.comparingByKey());
    for (Map.Entry<Long, PairParts> e : open) {
      PairParts p = e.getValue();
      if (p.duration < 0) {
        report.warn(file + ": seq " + e.getKey() + ": leg row(s) without a pair row; no netcalls_pair point");
      } else {
        report.warn(file + ":" + p.line + ": seq " + e.getKey() + ": pair row without its "
            + (p.a < 0 ? (p.b < 0 ? "a and b legs" : "a leg") : "b leg") + "; netcalls_pair point written without it");
        writePair(p);
      }
    }
  }

  private void writeFailures(Map<String, String> trialTags, Map<String, Failures> failures, String file)
      throws IOException {
    List<Failures> all = new ArrayList<>(failures.values());
    all.sort((x, y) -> Long.compare(x.first, y.first));
    for (Failures f : all) {
      PointDraft d = new PointDraft(Measurement.REQUEST_EXCEPTION, file + ": " + f.exception, report)
          .tags(trialTags)
          .tag("target", f.target)
          .tag("endpoint", f.endpoint)
          .tag("exception_class", simpleName(f.exception))
          .tag("root_cause_class", simpleName(f.rootCause))
          .value("count", f.count)
          .field("exception", f.exception)
          .field("root_cause", f.rootCause.isEmpty() ? null : f.rootCause);
      emitter.emit(d, f.first, false);
    }
  }

  /** The latest sample time written, Long.MIN_VALUE when none. */
  long latestStart() {
    return latestStart;
  }

  static String simpleName(String fqcn) {
    int dot = fqcn.lastIndexOf('.');
    return dot < 0 ? fqcn : fqcn.substring(dot + 1);
  }

  /** One netcalls_request_histogram point per request series and bucket, at {@code timeNs}. */
  void writeHistograms(long timeNs) throws IOException {
    for (Series s : series.values()) {
      if (s.histogram == null || s.histogram.getTotalCount() == 0) {
        continue;
      }
      for (long bound : HistogramBuckets.BOUNDS_NS) {
        bucket(s, HistogramBuckets.le(bound), s.histogram.getCountBetweenValues(0, bound), timeNs);
      }
      bucket(s, HistogramBuckets.INF, s.histogram.getTotalCount(), timeNs);
    }
  }

  private void bucket(Series s, String le, long count, long timeNs) throws IOException {
    PointDraft d = new PointDraft(Measurement.REQUEST_HISTOGRAM, "histogram " + s.prefix.trim(), report)
        .tags(s.tags)
        .tag("le", le)
        .value("duration_ns_bucket", count);
    emitter.emit(d, timeNs, false);
  }
}
