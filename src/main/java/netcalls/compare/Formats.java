package netcalls.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import netcalls.run.CompareJson;
import netcalls.run.ThinPercentile;

/** A comparison as text (aligned table), Markdown (a CI job summary) or JSON (machines; stable field names). */
public final class Formats {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String[] HEADER = {"benchmark", "params", "unit", "n", "p50 base", "p50 cand",
      "p99 base", "p99 cand", "change", "CI", "p", "p(BH)", "test", "verdict", "phase moved most"};
  private static final int VERDICT = 13;

  private Formats() {}

  /** An aligned table, the footer, then warnings and errors. */
  public static String text(Comparison c) {
    List<String[]> cells = cells(c);
    int[] width = new int[HEADER.length];
    for (String[] r : cells) {
      for (int i = 0; i < r.length; i++) {
        width[i] = Math.max(width[i], r[i].codePointCount(0, r[i].length()));
      }
    }
    StringBuilder s = new StringBuilder();
    s.append("Compare ").append(ids(c.baseline())).append(" (baseline) with ").append(ids(c.candidate()))
        .append(" (candidate)\n");
    for (String[] r : cells) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.length; i++) {
        line.append(r[i]).append(" ".repeat(width[i] - r[i].codePointCount(0, r[i].length()) + 2));
      }
      s.append(line.toString().stripTrailing()).append('\n');
    }
    s.append('\n');
    footer(c).forEach(l -> s.append(l).append('\n'));
    c.warnings().forEach(w -> s.append("warning: ").append(w).append('\n'));
    c.errors().forEach(e -> s.append("error: ").append(e).append('\n'));
    return s.toString();
  }

  /** A GitHub table with a one-line summary above, warnings and errors as a list, the footer below. */
  public static String markdown(Comparison c) {
    List<String[]> cells = cells(c);
    StringBuilder s = new StringBuilder();
    s.append("### netcalls compare: ").append(c.count(Verdict.SLOWER)).append(" slower, ")
        .append(c.count(Verdict.FASTER)).append(" faster, ").append(c.count(Verdict.NOISY)).append(" noisy of ")
        .append(c.compared()).append(" rows\n\n");
    s.append("Baseline ").append(ids(c.baseline())).append(", candidate ").append(ids(c.candidate())).append("\n\n");
    for (String w : c.warnings()) {
      s.append("- warning: ").append(w).append('\n');
    }
    for (String e : c.errors()) {
      s.append("- **error**: ").append(e).append('\n');
    }
    if (!c.warnings().isEmpty() || !c.errors().isEmpty()) {
      s.append('\n');
    }
    for (int i = 0; i < cells.size(); i++) {
      String[] r = cells.get(i).clone();
      if (i > 0 && (r[VERDICT].equals("slower") || r[VERDICT].equals("faster"))) {
        r[VERDICT] = "**" + r[VERDICT] + "**";
      }
      s.append("| ").append(String.join(" | ", escape(r))).append(" |\n");
      if (i == 0) {
        s.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|---|---|\n");
      }
    }
    s.append('\n');
    footer(c).forEach(l -> s.append(l).append("  \n"));
    return s.toString();
  }

  public static String json(Comparison c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(CompareJson.BASELINE, runs(c.baseline()));
    m.put(CompareJson.CANDIDATE, runs(c.candidate()));
    Map<String, Object> method = new LinkedHashMap<>();
    method.put(CompareJson.REPLICATE, "fork (iteration when a side has one fork)");
    method.put(CompareJson.TEST, "unpaired: Mann-Whitney U, two-sided, exact on mid-ranks with ties; paired (runs"
        + " interleaved"
        + " one for one, rounds): exact sign-flip test on the mid-ranks of the rounds' log ratios, one-sided in the"
        + " direction of the change");
    method.put(CompareJson.FDR, "Benjamini-Hochberg over the gated family");
    method.put(CompareJson.CI, "Hodges-Lehmann ratio of log values (paired: Walsh averages), distribution-free"
        + " interval");
    method.put(CompareJson.THRESHOLD, "checked on the Hodges-Lehmann point estimate");
    m.put(CompareJson.METHOD, method);
    m.put(CompareJson.GATE, c.options().gate());
    m.put(CompareJson.GATE_P99, c.options().gateP99());
    m.put(CompareJson.FAMILY_SIZE, c.familySize());
    m.put(CompareJson.ALONE_NEEDS_P, c.aloneNeedsP());
    m.put(CompareJson.MINIMUM_ROUNDS_ALONE, c.minimumRoundsAlone());
    m.put(CompareJson.ALPHA, c.options().alpha());
    m.put(CompareJson.THRESHOLD, c.options().threshold());
    m.put(CompareJson.MAX_CV, c.options().maxCv());
    m.put(CompareJson.CI_LEVEL, c.options().ciLevel());
    m.put(CompareJson.MINIMUM_REPLICATES, c.minimumReplicates());
    m.put(CompareJson.MINIMUM_REPLICATES_ALONE, c.minimumReplicatesAlone());
    List<Object> rows = new ArrayList<>();
    for (Row r : c.rows()) {
      rows.add(row(r));
    }
    m.put(CompareJson.ROWS, rows);
    Map<String, Object> summary = new LinkedHashMap<>();
    for (Verdict v : Verdict.values()) {
      summary.put(camel(v), c.count(v));
    }
    m.put(CompareJson.SUMMARY, summary);
    m.put(CompareJson.WARNINGS, c.warnings());
    m.put(CompareJson.ERRORS, c.errors());
    m.put(CompareJson.EXIT_CODE, c.exitCode());
    try {
      return JSON.writeValueAsString(m) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Method, alpha, threshold and the replicates note: how to read the table. */
  public static List<String> footer(Comparison c) {
    Options o = c.options();
    int min = c.minimumReplicates();
    long family = c.familySize();
    return List.of(
        "Method: one replicate per JMH fork (p50/p99 of the fork's merged histogram in sample mode, else the fork's"
            + " mean score; a side with one fork gets no verdict); test unpaired = two-sided Mann-Whitney U (exact"
            + " on mid-ranks when values tie), paired = runs interleaved one for one, each round's log ratio, exact"
            + " one-sided sign-flip test in the direction of the change; change = Hodges-Lehmann ratio (paired: of"
            + " Walsh averages) with its " + pct(o.ciLevel() * 100) + " % distribution-free CI.",
        "Gate: " + (o.gate() == null ? "every row" : "rows matching /" + o.gate() + "/") + (o.gateP99()
            ? " (p99 rows too, --gate-p99)" : " (p99 rows informational; --gate-p99 gates them)") + ", never a thin"
            + " p99 (fewer than " + ThinPercentile.MIN_BEYOND + " samples beyond it in a fork): a family of " + family + " tested row(s), p(BH) = Benjamini-Hochberg"
            + " adjusted over it (other rows informational, in a family of their own, never exit 1); one slower row"
            + " alone needs p <= " + o.alpha() + " / " + family + " = " + p(c.aloneNeedsP()) + ": "
            + c.minimumRoundsAlone() + " paired rounds (floor 2^-n) or " + c.minimumReplicatesAlone()
            + " forks a side (floor 2 / C(2n, n)) reach it"
            + (Family.floorWarning(c.rows(), o) == null ? "." : "; some gated rows cannot (see the warning)."),
        "Verdict: slower/faster when p(BH) < " + o.alpha() + " and |change| >= " + pct(o.threshold() * 100)
            + " %; noisy when not and a side's replicates scatter more than " + pct(o.maxCv() * 100)
            + " % (coefficient of variation; paired: of the rounds' ratios over sqrt(2), since the machine's drift"
            + " cancels in them; need = forks per side to detect " + pct(o.threshold() * 100)
            + " % with 80 % power); ~ otherwise. x/op: lower is better; ops/x: higher is better.",
        "Replicates: at least " + min + " per side for any verdict at alpha " + o.alpha()
            + " (3 vs 3 can never reach p < 0.05: its smallest two-sided p is 0.1), and "
            + c.minimumReplicatesAlone() + " for a change in one row alone among the " + family + " gated"
            + " (the FDR step then asks p < alpha / " + family + "); p50 columns hold the score outside"
            + " sample mode (the mode follows the benchmark name).");
  }

  /** The table's cells as text prints them, header first: for other renderings of the same numbers (the report). */
  public static List<String[]> cells(Comparison c) {
    List<String[]> out = new ArrayList<>();
    out.add(HEADER);
    for (Row r : c.rows()) {
      String n = r.nBaseline() + "/" + r.nCandidate() + (r.replicate().equals("iteration") ? " it" : "");
      String verdict = r.verdict().label();
      if (r.verdict() == Verdict.NOISY && r.replicatesNeeded() > 0) {
        verdict += " (need " + r.replicatesNeeded() + ")";
      } else if (r.compared() && r.tooFew() && r.verdict() == Verdict.SAME) {
        verdict += " (too few)";
      }
      if (r.hasTest() && !r.gated()) {
        verdict += " (info)";
      }
      if (r.thinP99()) {
        verdict += " (" + r.invalidReason().split(" in a fork")[0] + ")"; // p99 thin: N samples beyond
      }
      // a p99 row holds the p99s as its center: shown in the p99 columns
      double[] v = r.p99() ? new double[] {Double.NaN, Double.NaN, r.baselineCenter(), r.candidateCenter()}
          : new double[] {r.baselineCenter(), r.candidateCenter(), r.baselineTail(), r.candidateTail()};
      out.add(new String[] {r.name(), r.paramsLabel(), r.unit(), n, num(v[0]), num(v[1]), num(v[2]), num(v[3]),
          r.compared() ? signed(r.changePercent()) + "%" : "", ci(r), p(r.p()), p(r.pAdjusted()), test(r), verdict,
          phase(r.phase())});
    }
    return out;
  }

  /** {@code paired, 2 ties}: the test that gave p and the tied values it saw. */
  private static String test(Row r) {
    if (r.test() == null || !r.hasTest()) {
      return "";
    }
    return r.test() + (r.ties() > 0 ? ", " + r.ties() + " ties" : "");
  }

  private static String ci(Row r) {
    if (!r.compared()) {
      return "";
    }
    if (!Double.isFinite(r.ciUpper()) || r.ciLower() <= 0) {
      return "n/a";
    }
    return "[" + signed((r.ciLower() - 1) * 100) + ", " + signed((r.ciUpper() - 1) * 100) + "]";
  }

  private static String phase(Row.PhaseShift s) {
    if (s == null) {
      return "";
    }
    return s.name() + " " + (s.deltaNs() >= 0 ? "+" : "-")
        + String.format(Locale.ROOT, "%.1f", Math.abs(s.deltaNs()) / 1000) + " µs";
  }

  /** One decimal from 100 up (111.5, 31621.1), about four significant digits below, never exponent notation. */
  static String num(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.1f", v);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, a >= 10 ? "%.2f" : "%.3f", v);
    }
    return new BigDecimal(v).round(new MathContext(4)).toPlainString();
  }

  private static String signed(double v) {
    return (v >= 0 ? "+" : "") + String.format(Locale.ROOT, "%.1f", v);
  }

  private static String pct(double v) {
    return BigDecimal.valueOf(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
  }

  private static String p(double v) {
    if (Double.isNaN(v)) {
      return "";
    }
    return v >= 0.001 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.1e", v);
  }

  private static String ids(List<Comparison.RunRef> runs) {
    return String.join(",", runs.stream().map(Comparison.RunRef::runId).toList());
  }

  private static String[] escape(String[] r) {
    String[] out = new String[r.length];
    for (int i = 0; i < r.length; i++) {
      out[i] = r[i].replace("|", "\\|");
    }
    return out;
  }

  private static List<Object> runs(List<Comparison.RunRef> runs) {
    List<Object> out = new ArrayList<>();
    for (Comparison.RunRef r : runs) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put(CompareJson.DIR, r.dir().toString());
      m.put(CompareJson.RUN_ID, r.runId());
      m.put(CompareJson.GIT_COMMIT, r.gitCommit());
      m.put(CompareJson.TESTBED, r.testbed());
      out.add(m);
    }
    return out;
  }

  private static Map<String, Object> row(Row r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(CompareJson.BENCHMARK, r.benchmark());
    m.put(CompareJson.NAME, r.shortName());
    m.put(CompareJson.STAT, r.stat());
    m.put(CompareJson.MODE, r.mode());
    m.put(CompareJson.PARAMS, r.params());
    m.put(CompareJson.UNIT, r.unit());
    m.put(CompareJson.VERDICT, r.verdict().label());
    m.put(CompareJson.REPLICATE, r.replicate());
    m.put(CompareJson.N_BASELINE, r.nBaseline());
    m.put(CompareJson.N_CANDIDATE, r.nCandidate());
    m.put(CompareJson.BASELINE, side(r, r.baselineCenter(), r.baselineTail()));
    m.put(CompareJson.CANDIDATE, side(r, r.candidateCenter(), r.candidateTail()));
    m.put(CompareJson.RATIO, finite(r.ratio()));
    m.put(CompareJson.CHANGE_PERCENT, r.compared() ? finite(r.changePercent()) : null);
    m.put(CompareJson.CI_LOWER, r.compared() && r.ciLower() > 0 ? finite(r.ciLower()) : null);
    m.put(CompareJson.CI_UPPER, finite(r.ciUpper()));
    m.put(CompareJson.U, finite(r.u()));
    m.put(CompareJson.P, finite(r.p()));
    m.put(CompareJson.P_ADJUSTED, finite(r.pAdjusted()));
    m.put(CompareJson.CV_BASELINE, finite(r.cvBaseline()));
    m.put(CompareJson.CV_CANDIDATE, finite(r.cvCandidate()));
    m.put(CompareJson.NOISE, finite(r.noise()));
    m.put(CompareJson.REPLICATES_NEEDED, r.compared() && r.replicatesNeeded() > 0 ? r.replicatesNeeded() : null);
    m.put(CompareJson.TOO_FEW_REPLICATES, r.tooFew());
    m.put(CompareJson.TEST, r.hasTest() ? r.test() : null);
    m.put(CompareJson.TIES, r.hasTest() ? r.ties() : null);
    m.put(CompareJson.P_FLOOR, r.hasTest() ? finite(r.pFloor()) : null);
    m.put(CompareJson.GATED, r.gated());
    m.put(CompareJson.INVALID_REASON, r.invalidReason());
    if (r.phase() != null) {
      Map<String, Object> ph = new LinkedHashMap<>();
      ph.put(CompareJson.NAME, r.phase().name());
      ph.put(CompareJson.BASELINE_NS, r.phase().baselineNs());
      ph.put(CompareJson.CANDIDATE_NS, r.phase().candidateNs());
      ph.put(CompareJson.DELTA_NS, r.phase().deltaNs());
      m.put(CompareJson.PHASE, ph);
    } else {
      m.put(CompareJson.PHASE, null);
    }
    return m;
  }

  private static Map<String, Object> side(Row r, double center, double tail) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (r.p99()) { // the row of the p99s holds them as its center
      m.put(CompareJson.P99, finite(center));
    } else if (r.sampled()) {
      m.put(CompareJson.P50, finite(center));
      m.put(CompareJson.P99, finite(tail));
    } else {
      m.put(CompareJson.SCORE, finite(center));
    }
    return m;
  }

  /** JSON has no NaN or infinity: null stands for "does not apply" or "unbounded". */
  private static Double finite(double v) {
    return Double.isFinite(v) ? v : null;
  }

  private static String camel(Verdict v) {
    switch (v) {
      case SLOWER: return "slower";
      case FASTER: return "faster";
      case SAME: return "same";
      case NOISY: return "noisy";
      case BASELINE_ONLY: return "baselineOnly";
      case INVALID: return "invalid";
      case NOT_GATED: return "notGated";
      case NO_VERDICT: return "noVerdict";
      default: return "candidateOnly";
    }
  }
}
