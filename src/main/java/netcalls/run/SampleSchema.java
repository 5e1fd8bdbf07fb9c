package netcalls.run;

import java.util.List;

/**
 * The columns of a sample file ({@code samples/<trial>.csv}), in file order: the contract between
 * the writer in the benchmark forks and every reader (exporter, summary, compare), and the source
 * of docs/SAMPLES.md's column table; a phase column holds nanoseconds, empty when the phase did not happen.
 */
public final class SampleSchema {
  public static final int SEQ = 0;
  public static final int START_NS = 1;
  public static final int LEG = 2;
  public static final int TARGET = 3;
  public static final int ENDPOINT = 4;
  public static final int STATUS = 5;
  public static final int BYTES = 6;
  public static final int REUSED = 7;
  public static final int REDIRECTS = 8;
  public static final int BLOCKED = 9;
  public static final int DNS = 10;
  public static final int CONNECTING = 11;
  public static final int TLS_HANDSHAKING = 12;
  public static final int SENDING = 13;
  public static final int WAITING = 14;
  public static final int RECEIVING = 15;
  public static final int CLOSE = 16;
  public static final int DURATION = 17;
  public static final int EXCEPTION = 18;
  public static final int ROOT_CAUSE = 19;

  /** One column: its name, its type and what it holds (docs/SAMPLES.md's table is generated from these). */
  public record Column(String name, String type, String meaning) {}

  /** The columns by index. */
  public static final List<Column> DESCRIBED = List.of(
      new Column("seq", "long",
          "operation number within the trial (0-based, counting warmup operations too, so the first measured row rarely has 0). The two legs of a paired operation and its total share one `seq`."),
      new Column("start_ns", "long",
          "wall-clock start of the call, nanoseconds since the Unix epoch (monotonic within the trial: `clockBase` + `System.nanoTime()` delta)"),
      new Column("leg", "string",
          "empty for a single request; `a` or `b` for the legs of a paired operation; `pair` for the paired total row"),
      new Column("target", "string",
          "the target's stable name: `builtin-http` or `builtin-https` for the built-in server (its ports change every run; both legs of a pair share it, `leg` tells them apart), `host:port` of an external `--target`; FailureLatency's refused and unknown-host calls name `localhost:closed-port` and `netcalls-unknown.invalid`"),
      new Column("endpoint", "string",
          "endpoint name, never a raw URL: `bytes`, `delay`, `status`, `redirect`, `abort`, `reset`, `pair`"),
      new Column("status", "int",
          "HTTP status of the final response; empty when none was received"),
      new Column("bytes", "long",
          "response body bytes read"),
      new Column("reused", "bool",
          "`true` when the request went out on a pooled connection; empty when the client cannot tell"),
      new Column("redirects", "int",
          "redirects followed"),
      new Column("blocked_ns", "long",
          "waiting for a pooled connection or a dispatcher slot"),
      new Column("dns_ns", "long",
          "name resolution"),
      new Column("connecting_ns", "long",
          "TCP connect"),
      new Column("tls_handshaking_ns", "long",
          "TLS handshake"),
      new Column("sending_ns", "long",
          "writing the request"),
      new Column("waiting_ns", "long",
          "from request written to first response byte (headers)"),
      new Column("receiving_ns", "long",
          "reading the body"),
      new Column("close_ns", "long",
          "closing the client after the call, `new_client` only (part of its operation and of `duration_ns`); absent in files written before it was recorded"),
      new Column("duration_ns", "long",
          "the whole call (with `close_ns` when present), always present"),
      new Column("exception", "string",
          "fully qualified class of the exception the call threw; empty on success"),
      new Column("root_cause", "string",
          "fully qualified class of the innermost cause; empty on success"));

  /** Column names by index. */
  public static final List<String> COLUMNS = DESCRIBED.stream().map(Column::name).toList();

  /** The phase columns in phase order (blocked … receiving, close). */
  public static final int[] PHASE_COLUMNS = {BLOCKED, DNS, CONNECTING, TLS_HANDSHAKING, SENDING, WAITING, RECEIVING,
      CLOSE};

  /** Columns a reader accepts a file without (written before they existed): their cells read as empty. */
  public static final List<Integer> OPTIONAL = List.of(CLOSE);

  /** The CSV header line, without its newline. */
  public static final String HEADER = String.join(",", COLUMNS);

  private SampleSchema() {}

  /** The column of a phase by its k6 name ({@code waiting} → {@code waiting_ns}), or -1. */
  public static int phaseColumn(String phase) {
    return COLUMNS.indexOf(phase + "_ns");
  }
}
