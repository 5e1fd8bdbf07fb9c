package netcalls.export.sink;

import static netcalls.run.SampleSchema.BYTES;
import static netcalls.run.SampleSchema.DURATION;
import static netcalls.run.SampleSchema.ENDPOINT;
import static netcalls.run.SampleSchema.EXCEPTION;
import static netcalls.run.SampleSchema.LEG;
import static netcalls.run.SampleSchema.PHASE_COLUMNS;
import static netcalls.run.SampleSchema.REDIRECTS;
import static netcalls.run.SampleSchema.REUSED;
import static netcalls.run.SampleSchema.ROOT_CAUSE;
import static netcalls.run.SampleSchema.SEQ;
import static netcalls.run.SampleSchema.START_NS;
import static netcalls.run.SampleSchema.STATUS;
import static netcalls.run.SampleSchema.TARGET;

import netcalls.run.SampleRow;
import netcalls.run.Phase;
import netcalls.run.SampleSchema;
import netcalls.trace.CallSite;
import netcalls.trace.SampleRecorder;

/**
 * A recorder row seen as a sample row, cell for cell as SampleWriter writes it to the CSV (a status
 * of -1, an unknown reuse, an absent phase or exception are empty cells), so live lines equal exported
 * ones. The only place live mode reads the recorder's call site.
 */
final class RecorderRow implements SampleRow {
  private static final Phase[] PHASE_OF = new Phase[SampleSchema.COLUMNS.size()];

  static {
    for (int p = 0; p < PHASE_COLUMNS.length; p++) {
      PHASE_OF[PHASE_COLUMNS[p]] = Phase.ALL[p];
    }
  }

  private final SampleRecorder recorder;
  private int i;
  private String leg;
  private String target;
  private String endpoint;

  RecorderRow(SampleRecorder recorder) {
    this.recorder = recorder;
  }

  void at(int row) {
    i = row;
    CallSite site = recorder.site(row);
    leg = site.leg().label();
    target = site.target();
    endpoint = site.endpoint();
  }

  @Override
  public boolean has(int column) {
    switch (column) {
      case SEQ: case START_NS: case DURATION: case BYTES: case REDIRECTS:
        return true;
      case STATUS:
        return recorder.status(i) >= 0;
      case REUSED:
        return recorder.reused(i) >= 0;
      case EXCEPTION:
        return recorder.exception(i) != null;
      case ROOT_CAUSE:
        return recorder.rootCause(i) != null;
      case LEG: case TARGET: case ENDPOINT:
        return !text(column).isEmpty();
      default:
        return PHASE_OF[column] != null && recorder.phaseNanos(PHASE_OF[column], i) >= 0;
    }
  }

  @Override
  public long number(int column) {
    switch (column) {
      case SEQ: return recorder.seq(i);
      case START_NS: return recorder.startEpochNanos(i);
      case DURATION: return recorder.durationNanos(i);
      case BYTES: return recorder.bytes(i);
      case REDIRECTS: return recorder.redirects(i);
      case STATUS: return recorder.status(i);
      case REUSED: return recorder.reused(i);
      default:
        if (PHASE_OF[column] == null) {
          throw new IllegalArgumentException("column " + SampleSchema.COLUMNS.get(column) + " is not a number");
        }
        return recorder.phaseNanos(PHASE_OF[column], i);
    }
  }

  @Override
  public String text(int column) {
    switch (column) {
      case LEG: return leg;
      case TARGET: return target;
      case ENDPOINT: return endpoint;
      case EXCEPTION: return recorder.exception(i) == null ? "" : recorder.exception(i).getName();
      case ROOT_CAUSE: return recorder.rootCause(i) == null ? "" : recorder.rootCause(i).getName();
      default: throw new IllegalArgumentException("column " + SampleSchema.COLUMNS.get(column) + " is not text");
    }
  }

}
