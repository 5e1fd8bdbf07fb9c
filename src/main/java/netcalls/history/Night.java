package netcalls.history;

import java.util.List;
import java.util.Map;

/**
 * One line of the history: a night's comparison, or an accepted change (no rows).
 *
 * @param line       1-based line in its file, for messages
 * @param rows       row label to its values; insertion order is the file's
 * @param busyRounds rounds left out because the machine was busy
 */
public record Night(int line, String date, String baseline, String candidate, Kind verdict, String reason,
    Map<String, Values> rows, List<Integer> busyRounds) {

  /** What a line says; only PASS and ACCEPT move the next night's baseline. */
  public enum Kind {
    PASS, ACCEPT, HOLD, REGRESSION;

    public boolean movesBaseline() {
      return this == PASS || this == ACCEPT;
    }
  }

  /** A row's unit and each round's value per side (each run's steady p50). */
  public record Values(String unit, double[] baseline, double[] candidate) {}

  /** The short form of the candidate's sha, for commit ranges. */
  public String shortCandidate() {
    return candidate.length() > 7 ? candidate.substring(0, 7) : candidate;
  }
}
