package netcalls.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the history night by night, row by row, on absolute values (each night's median of the
 * candidate's rounds): E-divisive change points, and each night against a pinned anchor revision,
 * which finds a slow creep that night-to-night comparisons against a moving baseline cannot.
 * A finding is new when its night comes after the last accepted change.
 */
public final class Trend {
  /** A step between two nights: commits {@code before..after} (last sha before, first sha after). */
  public record Finding(String row, String kind, double change, Night after, String before, boolean isNew) {}

  /**
   * @param anchor          sha (or a prefix of it) whose values are the fixed reference, or null; after an ACCEPT,
   *                        the accepted revision
   * @param anchorThreshold drift from the anchor that counts, e.g. 0.03
   * @param pinnedAnchor    the anchor as given, when an ACCEPT moved it; else null
   */
  public record Report(int nights, int rows, int lastAccept, List<Finding> findings, String anchor,
      double anchorThreshold, EDivisive.Config config, String pinnedAnchor) {

    public boolean anyNew() {
      return findings.stream().anyMatch(Finding::isNew);
    }

    public String render() {
      StringBuilder s = new StringBuilder();
      s.append(String.format(Locale.ROOT, "history: %d nights, %d rows; %s%n", nights, rows,
          lastAccept < 0 ? "no accepted change" : "findings up to line " + lastAccept + " (the last ACCEPT) are known"));
      s.append(String.format(Locale.ROOT, "change points: E-divisive means (Matteson & James 2014), alpha %.2f,"
          + " %d permutations, seed %d, at least %d nights a side%n", config.alpha(), config.permutations(),
          config.seed(), config.minSize()));
      if (anchor != null) {
        s.append(String.format(Locale.ROOT, "anchor %s: a night more than %.1f %% above its values%s%n",
            anchor.substring(0, Math.min(7, anchor.length())), 100 * anchorThreshold, pinnedAnchor == null ? ""
                : " (moved from " + pinnedAnchor + " by the ACCEPT at line " + lastAccept + "; nights after it)"));
      }
      if (findings.isEmpty()) {
        s.append("no change point\n");
      }
      for (Finding f : findings) {
        s.append(String.format(Locale.ROOT, "%-6s %s: %+.1f %% from %s (line %d), commits %s..%s%s%n", f.kind(), f.row(),
            100 * f.change(), f.after().date(), f.after().line(), f.before(), f.after().shortCandidate(),
            f.isNew() ? "  NEW" : ""));
      }
      return s.toString();
    }
  }

  private Trend() {}

  public static Report of(List<Night> nights, String anchor, double anchorThreshold, EDivisive.Config config) {
    int lastAccept = -1;
    Night accepted = null;
    for (Night n : nights) {
      if (n.verdict() == Night.Kind.ACCEPT) {
        lastAccept = n.line();
        accepted = n;
      }
    }
    // an accepted change moves the anchor to the accepted revision, unless the pinned one is newer: against the old
    // anchor every later night would drift by the accepted change, and a creep after it would hide in that drift
    String pinned = null;
    int since = 0;
    if (anchor != null && accepted != null && !measuredAfter(nights, anchor, lastAccept)) {
      pinned = anchor;
      anchor = accepted.candidate();
      since = lastAccept;
    }
    Set<String> labels = new LinkedHashSet<>();
    nights.forEach(n -> labels.addAll(n.rows().keySet()));
    List<Finding> findings = new ArrayList<>();
    for (String row : labels) {
      List<Night> measured = new ArrayList<>();
      for (Night n : nights) {
        Night.Values v = n.rows().get(row);
        if (v != null && v.candidate().length > 0) {
          measured.add(n);
        }
      }
      double[] series = measured.stream().mapToDouble(n -> median(n.rows().get(row).candidate())).toArray();
      int previous = 0;
      List<EDivisive.ChangePoint> points = EDivisive.detect(series, config);
      for (int i = 0; i < points.size(); i++) {
        int at = points.get(i).index();
        int next = i + 1 < points.size() ? points.get(i + 1).index() : series.length;
        double change = median(Arrays.copyOfRange(series, at, next)) / median(Arrays.copyOfRange(series, previous, at)) - 1;
        findings.add(new Finding(row, "change", change, measured.get(at), measured.get(at - 1).shortCandidate(),
            measured.get(at).line() > lastAccept));
        previous = at;
      }
      if (anchor != null) {
        Finding drift = anchorDrift(row, measured, anchor, anchorThreshold, lastAccept, since);
        if (drift != null) {
          findings.add(drift);
        }
      }
    }
    return new Report(nights.size(), labels.size(), lastAccept, findings, anchor, anchorThreshold, config, pinned);
  }

  /** Whether revision {@code sha} (or a prefix) was a night's candidate after line {@code line}. */
  private static boolean measuredAfter(List<Night> nights, String sha, int line) {
    return nights.stream().anyMatch(n -> n.line() > line && n.verdict() != Night.Kind.ACCEPT
        && n.candidate().startsWith(sha));
  }

  /**
   * The first night after line {@code since} whose median is more than the threshold above the anchor's values, or
   * null.
   */
  private static Finding anchorDrift(String row, List<Night> measured, String anchor, double threshold,
      int lastAccept, int since) {
    double[] reference = measured.stream().flatMapToDouble(n -> {
      Night.Values v = n.rows().get(row);
      if (n.candidate().startsWith(anchor)) {
        return Arrays.stream(v.candidate());
      }
      return n.baseline().startsWith(anchor) ? Arrays.stream(v.baseline()) : Arrays.stream(new double[0]);
    }).toArray();
    if (reference.length == 0) {
      return null;
    }
    double level = median(reference);
    for (int i = 1; i < measured.size(); i++) {
      Night n = measured.get(i);
      if (n.line() <= since) {
        continue;
      }
      double drift = median(n.rows().get(row).candidate()) / level - 1;
      if (drift > threshold && !n.candidate().startsWith(anchor)) {
        return new Finding(row, "anchor", drift, n, measured.get(i - 1).shortCandidate(), n.line() > lastAccept);
      }
    }
    return null;
  }

  static double median(double[] values) {
    double[] s = values.clone();
    Arrays.sort(s);
    int n = s.length;
    return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
  }
}
