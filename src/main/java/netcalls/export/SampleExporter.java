package netcalls.export;

import static netcalls.run.SampleSchema.DURATION;
import static netcalls.run.SampleSchema.ENDPOINT;
import static netcalls.run.SampleSchema.EXCEPTION;
import static netcalls.run.SampleSchema.LEG;
import static netcalls.run.SampleSchema.ROOT_CAUSE;
import static netcalls.run.SampleSchema.SEQ;
import static netcalls.run.SampleSchema.START_NS;
import static netcalls.run.SampleSchema.TARGET;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import netcalls.export.line.LineBuffer;
import netcalls.export.line.PairPoints;
import netcalls.export.line.RequestLines;
import netcalls.export.line.SeriesTable;
import netcalls.export.line.Tags;
import netcalls.export.line.TrialStart;
import netcalls.read.RunInfo;
import netcalls.read.SampleCsv;
import netcalls.read.Trial;
import netcalls.read.TrialSummary;
import netcalls.run.RunFolder;
import netcalls.export.sink.Progress;

/**
 * The hot path: a trial's sample rows to one netcalls_request line each ({@link RequestLines}),
 * feeding the pairs ({@link PairPoints}), the failure counts ({@link FailureCounts}), the per-series
 * duration histograms and the trial's phase summary ({@link PhasePoints}). The series of consecutive
 * rows is looked up only when target, endpoint or leg change, compared on the CSV's bytes. Memory
 * depends on the number of series, never on the number of rows.
 */
final class SampleExporter {
  private final LineBuffer sink;
  private final PointEmitter emitter;
  private final ExportReport report;
  private final Map<String, String> runTags;
  private final Progress progress;
  private final SeriesTable series = new SeriesTable(true);
  private long latestStart = Long.MIN_VALUE;
  private long failedCalls;
  private static final int SHOWN = 5;

  private final TimeWindow window;

  SampleExporter(LineBuffer sink, PointEmitter emitter, ExportReport report, RunInfo run, TimeWindow window,
      Progress progress) {
    this.window = window;
    this.sink = sink;
    this.emitter = emitter;
    this.report = report;
    this.runTags = Tags.run(run.runId(), run.jdk(), run.host());
    this.progress = progress;
  }

  /** Exports one trial's CSV; returns the number of rows read. */
  long export(Trial trial) throws IOException {
    String file = trial.csv().toString();
    String badNames = Tags.badParamNames(trial.params());
    if (badNames != null) {
      report.error(trial.csv().resolveSibling(trial.name() + RunFolder.JSON_SUFFIX) + ": " + badNames + "; fix the file; its samples are not"
          + " exported");
      return 0;
    }
    long outside = 0;
    Map<String, String> trialTags = Tags.benchmark(runTags, trial.benchmark(), trial.mode(), trial.params());
    Map<String, SeriesTable.SeriesPair> bySeriesCells = new HashMap<>();
    TrialStart zero = new TrialStart();
    RequestLines lines = new RequestLines(zero);
    PairPoints pairs = new PairPoints(sink, report::warn, zero);
    FailureCounts failures = new FailureCounts();
    TrialSummary summary = new TrialSummary();
    long rows = 0;
    long trialLatest = Long.MIN_VALUE;
    try (SampleCsv row = SampleCsv.open(trial, report)) {
      if (row == null) {
        return 0;
      }
      String lastTarget = null;
      String lastEndpoint = null;
      String lastLeg = null;
      int legIndex = 0;
      SeriesTable.SeriesPair current = null;
      try {
        while (row.next()) {
          if ((++rows & 8191) == 0) {
            progress.tick(report.pointsBuilt(), file + ":" + row.line());
          }
          if (!window.contains(row.number(START_NS))) {
            if (++outside <= SHOWN) {
              report.error(file + ":" + row.line() + ": start_ns " + row.number(START_NS) + " is outside "
                  + window.describe() + " (milliseconds or microseconds instead of nanoseconds?); row left out");
            }
            continue;
          }
          if (current == null || !row.sameText(TARGET, lastTarget) || !row.sameText(ENDPOINT, lastEndpoint)
              || !row.sameText(LEG, lastLeg)) {
            lastTarget = row.text(TARGET);
            lastEndpoint = row.text(ENDPOINT);
            lastLeg = row.text(LEG);
            legIndex = TrialSummary.legIndex(lastLeg);
            String key = lastTarget + '\u0000' + lastEndpoint + '\u0000' + lastLeg;
            current = bySeriesCells.get(key);
            if (current == null) {
              current = series.seriesFor(trialTags, lastTarget, lastEndpoint, lastLeg);
              bySeriesCells.put(key, current);
            }
          }
          SeriesTable.Series s = current.request();
          long t = lines.write(sink, s, row);
          trialLatest = Math.max(trialLatest, t);
          s.histogram().recordValue(row.number(DURATION));
          summary.add(legIndex, row);
          if (row.has(EXCEPTION) && !lastLeg.equals("pair")) { // a pair row repeats its failed leg's exception
            failedCalls++;
            failures.add(lastTarget, lastEndpoint, row.text(EXCEPTION),
                row.has(ROOT_CAUSE) ? row.text(ROOT_CAUSE) : "", row.number(START_NS));
          }
          if (!lastLeg.isEmpty()) {
            pairs.add(lastLeg, row.number(SEQ), row.number(START_NS), row.number(DURATION), current.pair(), file,
                row.line());
          }
        }
      } finally {
        report.rows(row.rows(), row.badRows() + outside);
      }
    }
    if (outside > SHOWN) {
      report.error(file + ": " + outside + " rows in all have a start_ns outside the run (first " + SHOWN + " shown)");
    }
    latestStart = Math.max(latestStart, trialLatest);
    pairs.finish(file);
    failures.write(emitter, trialTags, file);
    // at the trial's last sample: forks of one parameter set get a point each, in the order they ran
    PhasePoints.write(emitter, trialTags, summary, file, trialLatest);
    return rows;
  }

  /** The calls that failed, over every trial exported so far (pair totals not counted again). */
  long failedCalls() {
    return failedCalls;
  }

  /** The latest sample time written, Long.MIN_VALUE when none. */
  long latestStart() {
    return latestStart;
  }

  /** One netcalls_request_histogram point per request series and bucket, at {@code timeNs}. */
  void writeHistograms(long timeNs) throws IOException {
    RequestHistograms.write(emitter, series, timeNs);
  }
}
