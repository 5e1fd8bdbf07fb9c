package netcalls.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import netcalls.compare.CompareException;
import netcalls.compare.Spread;
import netcalls.history.EDivisive;
import netcalls.history.HistoryFile;
import netcalls.history.Night;
import netcalls.history.NightRules;
import netcalls.history.Trend;
import netcalls.read.Json;
import netcalls.run.CompareJson;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code history}: the nightly's memory. {@code check} finds change points over the nights,
 * {@code busy} names the rounds a busy machine spoilt, {@code record} appends a night,
 * {@code accept} an intended change. Exit 1 on a new change point, 2 on bad input.
 */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "The nightly's history file (JSON lines): check it for change points, or add a night to it.",
    subcommands = {HistoryCommand.Check.class, HistoryCommand.Busy.class, HistoryCommand.Record.class,
        HistoryCommand.Accept.class})
final class HistoryCommand implements Callable<Integer> {
  static final String NAME = "netcalls history";

  @Override
  public Integer call() {
    System.err.println(NAME + ": give a subcommand: check, busy, record or accept (see --help)");
    return 2;
  }

  /** Runs {@code history ARGS...} as the jar does: bad input is one line on stderr and exit 2. */
  static int run(String... args) {
    CommandLine line = new CommandLine(new HistoryCommand());
    line.setExecutionExceptionHandler((e, cmd, parsed) -> {
      System.err.println(NAME + ": " + e.getMessage());
      return 2;
    });
    return line.execute(args);
  }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "E-divisive change points per row over the nights' absolute values, with their commit range;"
          + " exit 1 when one is new (after the last ACCEPT).")
  static final class Check implements Callable<Integer> {
    @Parameters(paramLabel = "FILE", description = "the history file, e.g. results/nightly-history.jsonl")
    Path file;

    @Option(names = "--anchor", paramLabel = "SHA", description = "a pinned revision: each night is also compared"
        + " with its values, which finds a slow creep")
    String anchor;

    @Option(names = "--anchor-threshold", defaultValue = "3%", converter = CompareCommand.Percent.class,
        description = "drift from the anchor that counts (default ${DEFAULT-VALUE})")
    double anchorThreshold;

    @Option(names = "--alpha", defaultValue = "0.05", description = "significance of a change point (default 0.05)")
    double alpha;

    @Option(names = "--permutations", defaultValue = "199", description = "permutations per test (default 199)")
    int permutations;

    @Option(names = "--min-nights", defaultValue = "3", description = "fewest nights on each side of a change (default 3)")
    int minNights;

    @Override
    public Integer call() {
      List<String> lines = read(file, "the history file the nightly writes");
      HistoryFile.Parsed parsed = HistoryFile.parse(file.toString(), lines);
      EDivisive.Config config;
      try {
        config = new EDivisive.Config(minNights, alpha, permutations, 1);
      } catch (IllegalArgumentException e) {
        System.err.println(NAME + ": " + e.getMessage());
        return 2;
      }
      Trend.Report report = Trend.of(parsed.nights(), anchor, anchorThreshold, config);
      System.out.print(report.render());
      parsed.errors().forEach(e -> System.err.println(NAME + ": " + e));
      if (!parsed.errors().isEmpty()) {
        return 2;
      }
      return report.anyNew() ? 1 : 0;
    }
  }

  @Command(name = "busy", mixinStandardHelpOptions = true,
      description = "The rounds of a nightly's rounds.tsv (round, side, idle ticks, steal ticks, total ticks,"
          + " the run's own CPU ms, its wall ms, cores) the machine was too busy for: one line each, round TAB why.")
  static final class Busy implements Callable<Integer> {
    @Parameters(paramLabel = "ROUNDS_TSV")
    Path file;

    @Override
    public Integer call() {
      List<String> lines = read(file, "the rounds.tsv the nightly writes");
      Map<Integer, String> busy = new LinkedHashMap<>();
      for (int i = 0; i < lines.size(); i++) {
        String[] f = lines.get(i).split("\t");
        if (lines.get(i).isBlank() || f[0].equals("round")) {
          continue;
        }
        try {
          if (f.length != 8) {
            throw new NumberFormatException(f.length + " fields, not 8");
          }
          String why = NightRules.busy(Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
              Long.parseLong(f[5]), Long.parseLong(f[6]), Integer.parseInt(f[7]));
          if (why != null) {
            busy.putIfAbsent(Integer.parseInt(f[0]), f[1] + " run: " + why);
          }
        } catch (NumberFormatException e) {
          System.err.println(NAME + ": " + file + " line " + (i + 1) + ": " + e.getMessage()
              + "; give round, side, idle ticks, steal ticks, total ticks, own CPU ms, wall ms, cores");
          return 2;
        }
      }
      busy.forEach((round, why) -> System.out.println(round + "\t" + why));
      return 0;
    }
  }

  @Command(name = "record", mixinStandardHelpOptions = true,
      description = "Append a night to the history: each compared round's steady p50 per row and side, and the"
          + " line's kind (PASS only for a full, well-judged night).")
  static final class Record implements Callable<Integer> {
    @Option(names = "--history", required = true) Path history;
    @Option(names = "--date", required = true) String date;
    @Option(names = "--baseline", required = true) String baseline;
    @Option(names = "--candidate", required = true) String candidate;
    @Option(names = "--compare", required = true, description = "compare's JSON output") Path compare;
    @Option(names = "--compare-exit", required = true) int compareExit;
    @Option(names = "--baseline-runs", required = true, split = ",", description = "run folders, round order")
    List<Path> baselineRuns;
    @Option(names = "--candidate-runs", required = true, split = ",") List<Path> candidateRuns;
    @Option(names = "--busy", split = ",", description = "round numbers left out as busy") List<Integer> busy;
    @Option(names = "--full-subset", description = "the default subset ran (no --bench)") boolean fullSubset;

    @Override
    public Integer call() throws IOException, CompareException {
      if (baselineRuns.size() != candidateRuns.size()) {
        System.err.println(NAME + ": --baseline-runs has " + baselineRuns.size() + " runs and --candidate-runs "
            + candidateRuns.size() + ": give one of each per compared round");
        return 2;
      }
      List<String> verdicts = gatedVerdicts(Json.MAPPER.readTree(Files.readString(read(compare)).strip()));
      if (verdicts == null) {
        System.err.println(NAME + ": " + compare + ": no '" + CompareJson.ROWS + "' array: give compare's --format"
            + " json output");
        return 2;
      }
      NightRules.Outcome outcome = NightRules.night(fullSubset, baselineRuns.size(), compareExit, verdicts);
      Map<String, Night.Values> values = new LinkedHashMap<>();
      Map<String, double[][]> sides = new LinkedHashMap<>();
      Map<String, String> units = new LinkedHashMap<>();
      for (int side = 0; side < 2; side++) {
        List<Path> runs = side == 0 ? baselineRuns : candidateRuns;
        for (Path run : runs) {
          for (Spread.Row row : Spread.of(List.of(run))) {
            if (Double.isFinite(row.median())) {
              double[][] v = sides.computeIfAbsent(row.label(), k -> new double[][] {{}, {}});
              v[side] = Arrays.copyOf(v[side], v[side].length + 1);
              v[side][v[side].length - 1] = row.median();
              units.put(row.label(), row.unit());
            }
          }
        }
      }
      sides.forEach((label, v) -> values.put(label, new Night.Values(units.get(label), v[0], v[1])));
      Night night = new Night(0, date, baseline, candidate, outcome.kind(), outcome.reason(), values,
          busy == null ? List.of() : busy);
      append(history, HistoryFile.line(night));
      System.out.println(night.verdict() + (outcome.reason() == null ? "" : ": " + outcome.reason()));
      return 0;
    }
  }

  /**
   * The verdicts of compare's gated rows, in compare's JSON; null without a rows array. Only the gated family judges
   * a night: informational rows (compare --gate, p99 rows without --gate-p99) never hold or fail it.
   */
  static List<String> gatedVerdicts(JsonNode compareJson) {
    JsonNode rows = compareJson.path(CompareJson.ROWS);
    if (!rows.isArray()) {
      return null;
    }
    List<String> verdicts = new ArrayList<>();
    rows.forEach(r -> {
      if (r.path(CompareJson.GATED).asBoolean(true)) {
        verdicts.add(r.path(CompareJson.VERDICT).asText());
      }
    });
    return verdicts;
  }

  @Command(name = "accept", mixinStandardHelpOptions = true,
      description = "Record an intended change: REV becomes the baseline, with the reason, in the history.")
  static final class Accept implements Callable<Integer> {
    @Option(names = "--history", required = true) Path history;
    @Option(names = "--date", required = true) String date;
    @Option(names = "--baseline", required = true, description = "the baseline until now") String baseline;
    @Option(names = "--candidate", required = true, description = "the accepted revision") String candidate;
    @Option(names = "--reason", required = true) String reason;

    @Override
    public Integer call() {
      if (reason.isBlank()) {
        System.err.println(NAME + ": --reason is empty: say why the change is intended");
        return 2;
      }
      String line = HistoryFile.line(new Night(0, date, baseline, candidate, Night.Kind.ACCEPT, reason, Map.of(), List.of()));
      HistoryFile.Parsed check = HistoryFile.parse("--baseline/--candidate", List.of(line));
      if (!check.errors().isEmpty()) {
        System.err.println(NAME + ": " + check.errors().get(0).replace(" line 1", "").replace("; fix or delete the line", ""));
        return 2;
      }
      append(history, line);
      System.out.println("ACCEPT " + candidate + ": " + reason);
      return 0;
    }
  }

  private static Path read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new IllegalArgumentException(file + ": no such file: give compare's --format json output");
    }
    return file;
  }

  private static List<String> read(Path file, String what) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read it (" + e.getClass().getSimpleName() + "): give " + what);
    }
  }

  private static void append(Path file, String line) {
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot append to it (" + e.getMessage() + ")");
    }
  }
}
