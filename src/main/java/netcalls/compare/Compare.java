package netcalls.compare;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares a baseline with a candidate: every benchmark × parameter set of both, one row each (rows measured on
 * one side only are listed too). Each side is one or more run folders whose forks are pooled, as an
 * interleaved nightly run (A, B, A, B ...) produces them. Used by the {@code compare} command and by anything
 * that shows comparisons (InfluxDB points, reports).
 */
public final class Compare {
  private Compare() {}

  /** One run folder against another. */
  public static Comparison runs(Path baseline, Path candidate, Options o) throws CompareException {
    return runs(List.of(baseline), List.of(candidate), o);
  }

  /** Each side one or more run folders, their forks pooled. */
  public static Comparison runs(List<Path> baseline, List<Path> candidate, Options o) throws CompareException {
    return runs(baseline, candidate, o, Set.of());
  }

  /**
   * As {@link #runs(List, List, Options)}, with the parameters in {@code ignored} left out of the row key: results
   * that differ only in them become one row, their forks pooled per side (the {@code --ignore-param} option, e.g.
   * trace=off as baseline against trace=on as candidate).
   */
  public static Comparison runs(List<Path> baseline, List<Path> candidate, Options o, Set<String> ignored)
      throws CompareException {
    if (baseline.isEmpty() || candidate.isEmpty()) {
      throw new CompareException("compare needs a baseline and a candidate run folder");
    }
    noDuplicates(baseline);
    noDuplicates(candidate);
    String sameRun = SameRuns.check(baseline, candidate);
    List<String> warnings = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    List<ComparedRun> base = new ArrayList<>();
    for (Path p : baseline) {
      base.add(ComparedRun.read(p, errors, warnings));
    }
    List<ComparedRun> read = new ArrayList<>(base);
    List<ComparedRun> cand = new ArrayList<>();
    for (Path p : candidate) {
      cand.add(ComparedRun.read(p, errors, warnings));
    }
    read.addAll(cand);
    for (String name : new TreeSet<>(ignored)) {
      if (read.stream().noneMatch(r -> r.hasParam(name))) {
        warnings.add("--ignore-param " + name + ": no result of these runs has that parameter, so it changed nothing;"
            + " check its spelling (parameters are the -p names, e.g. trace)");
      }
    }
    base.replaceAll(r -> r.withoutParams(ignored));
    cand.replaceAll(r -> r.withoutParams(ignored));
    Map<String, Set<String>> predated = NewParams.find(base, cand, warnings);
    base.replaceAll(r -> r.withoutParams(predated));
    cand.replaceAll(r -> r.withoutParams(predated));
    List<String> mismatches = new ArrayList<>();
    Map<Key, Series> b = pool("baseline", base, mismatches);
    Map<Key, Series> c = pool("candidate", cand, mismatches);
    for (Map.Entry<Key, Series> e : b.entrySet()) {
      Series other = c.get(e.getKey());
      if (other != null && !other.options().equals(e.getValue().options())) {
        mismatches.add(e.getKey().label() + ": baseline ran " + e.getValue().options().describe() + ", candidate "
            + other.options().describe());
      }
    }
    if (!mismatches.isEmpty()) {
      String first = "JMH options differ: " + mismatches.get(0)
          + (mismatches.size() > 1 ? " (and " + (mismatches.size() - 1) + " more)" : "");
      if (!o.force()) {
        throw new CompareException(first + "; compare runs made with the same -wi/-w/-i/-r/-t (forks may differ),"
            + " or pass --force");
      }
      warnings.add(first + "; compared anyway (--force)");
    }
    SideChecks.testbeds(base, cand, warnings);
    String order = SideChecks.backToBack(base, cand);
    if (order != null && !o.allowSequential()) {
      throw new CompareException(order + "; pass --allow-sequential to compare them anyway");
    }
    if (order != null) {
      warnings.add(order + "; compared anyway (--allow-sequential)");
    }
    List<Rounds.Round> rounds = Rounds.of(base, cand);
    List<Row> rows = rows(b, c, phases(base), phases(cand), rounds, o, warnings, errors);
    if (sameRun != null) {
      warnings.add(sameRun);
      rows.replaceAll(r -> r.compared() ? SameRuns.noVerdict(r, "the same run on both sides") : r);
    }
    if (rows.stream().noneMatch(r -> r.compared() || r.verdict() == Verdict.INVALID
        || r.verdict() == Verdict.NOT_GATED)) {
      errors.add("no benchmark × parameter set was measured by both sides: nothing to compare; run the same"
          + " benchmarks and -p values on both");
    }
    return new Comparison(refs(base), refs(cand), o, rows, warnings, errors);
  }

  private static void noDuplicates(List<Path> side) throws CompareException {
    Set<Path> seen = new HashSet<>();
    for (Path p : side) {
      if (!seen.add(p.toAbsolutePath().normalize())) {
        throw new CompareException(p + ": given twice on one side; each run folder counts once");
      }
    }
  }

  /** The series of one side, forks of all its runs pooled; runs of one side must share JMH options. */
  private static Map<Key, Series> pool(String side, List<ComparedRun> runs, List<String> mismatches) {
    Map<Key, Series> out = new LinkedHashMap<>();
    Map<Key, String> firstRun = new HashMap<>();
    for (ComparedRun run : runs) {
      for (Series s : run.series().values()) {
        Series had = out.get(s.key());
        if (had == null) {
          out.put(s.key(), s);
          firstRun.put(s.key(), run.dir().toString());
          continue;
        }
        if (!had.options().equals(s.options())) {
          mismatches.add(s.key().label() + ": " + side + " runs " + firstRun.get(s.key()) + " and " + run.dir()
              + " ran " + had.options().describe() + " and " + s.options().describe());
        }
        if (!had.unit().equals(s.unit())) {
          double f = Verdicts.unitFactor(s.unit(), had.unit());
          if (Double.isNaN(f)) {
            mismatches.add(s.key().label() + ": " + side + " runs measured it in " + had.unit() + " and " + s.unit());
            continue;
          }
          s = s.scaled(f, had.unit());
        }
        out.put(s.key(), had.pool(s));
      }
    }
    return out;
  }

  private static Map<Key, List<Map<String, Double>>> phases(List<ComparedRun> runs) {
    Map<Key, List<Map<String, Double>>> out = new HashMap<>();
    for (ComparedRun run : runs) {
      run.phases().forEach((k, v) -> out.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
    }
    return out;
  }

  private static List<Row> rows(Map<Key, Series> b, Map<Key, Series> c, Map<Key, List<Map<String, Double>>> bp,
      Map<Key, List<Map<String, Double>>> cp, List<Rounds.Round> rounds, Options o, List<String> warnings,
      List<String> errors) {
    TreeSet<Key> keys = new TreeSet<>(b.keySet());
    keys.addAll(c.keySet());
    List<Row> rows = new ArrayList<>();
    List<Row.PhaseShift> shifts = new ArrayList<>();
    int oneForkRows = 0;
    int tooFewRows = 0;
    int notGatedRows = 0;
    int unsteadyForks = 0;
    String tooFewExample = null;
    for (Key k : keys) {
      Series sb = b.get(k);
      Series sc = c.get(k);
      if ((sb != null && !sb.invalid().isEmpty()) || (sc != null && !sc.invalid().isEmpty())) {
        Row r = invalid(k, sb, sc);
        warnings.add(k.label() + ": invalid, no verdict: " + r.invalidReason());
        rows.add(r);
        continue;
      }
      if (sb == null || sc == null) {
        rows.add(oneSide(sb == null ? sc : sb, sb == null ? Verdict.CANDIDATE_ONLY : Verdict.BASELINE_ONLY));
        continue;
      }
      if (sb.forks().isEmpty() || sc.forks().isEmpty()) {
        Row r = notGated(k, sb, sc);
        warnings.add(k.label() + ": not gated, no verdict: " + r.invalidReason());
        notGatedRows++;
        rows.add(r);
        continue;
      }
      unsteadyForks += sb.unsteady().size() + sc.unsteady().size();
      if (!sb.unsteady().isEmpty() || !sc.unsteady().isEmpty()) {
        List<String> why = new ArrayList<>(sb.unsteadyWhy());
        why.addAll(sc.unsteadyWhy());
        warnings.add(k.label() + ": compared on its steady forks only; left out: " + String.join("; ", why));
      }
      double factor = Verdicts.unitFactor(sc.unit(), sb.unit());
      if (Double.isNaN(factor)) {
        errors.add(k.label() + ": baseline measured in " + sb.unit() + ", candidate in " + sc.unit()
            + ", which do not convert; row left out: run both with the same -tu and mode");
        continue;
      }
      try {
        Verdicts.direction(sb.unit());
      } catch (IllegalArgumentException e) {
        errors.add(k.label() + ": " + e.getMessage() + "; row left out");
        continue;
      }
      if (factor != 1) {
        sc = sc.scaled(factor, sb.unit());
      }
      Row.PhaseShift moved = phaseShift(bp.get(k), cp.get(k));
      Row r;
      double[][] roundValues = rounds == null ? null : Rounds.values(rounds, k, sb.unit());
      if (rounds != null) {
        r = RowTests.paired(k, sb.unit(), roundValues, o, moved);
      } else {
        r = RowTests.unpaired(k, sb, sc, o, moved);
        if (r.replicate().equals("iteration")) {
          oneForkRows++;
        }
      }
      if (r.hasTest() && r.tooFew()) {
        tooFewRows++;
        tooFewExample = tooFewExample != null ? tooFewExample : r.nBaseline() + " vs " + r.nCandidate() + " "
            + r.replicate() + "s (smallest possible p " + String.format(java.util.Locale.ROOT, "%.3f", r.pFloor())
            + ")";
      }
      rows.add(r);
      if (sb.sampled() && sc.sampled()) { // the tail, a row of its own: informational unless --gate-p99
        rows.add(RowTests.p99(k, sb, sc, roundValues, o));
      }
    }
    // every row says whether the gate holds it, tested or not; a thin p99 never
    rows.replaceAll(r -> r.tested(r.test(), r.ties(), r.pFloor(),
        o.gates(r) && !r.thinP99()));
    List<Row> out = Family.decide(rows, o, warnings);
    if (oneForkRows > 0) {
      warnings.add(oneForkRows + " row(s) had a single fork on a side: no verdict (its iterations share one JVM and"
          + " scatter less than forks, so p would come out too small; the ratio on iterations is shown); run with -f "
          + Math.max(5, Stats.minimumReplicates(o.alpha())) + " or more, or interleave runs");
    }
    if (notGatedRows > 0) {
      warnings.add(notGatedRows + " row(s) not gated: a side has no fork that reached a steady state (each row"
          + " says which forks and why)");
    }
    if (unsteadyForks > 0) {
      warnings.add(unsteadyForks + " fork(s) that reached no steady state were left out of the rows they belong to");
    }
    if (tooFewRows > 0) {
      warnings.add(tooFewRows + " row(s) have too few replicates for any verdict, e.g. " + tooFewExample
          + ": at alpha " + o.alpha() + " a side needs at least " + Stats.minimumReplicates(o.alpha())
          + " forks, or 5 paired rounds (3 vs 3 forks can never reach p < 0.05)");
    }
    return out;
  }

  private static Row oneSide(Series s, Verdict v) {
    if (s.forks().isEmpty()) { // no steady fork: show what there was
      s = new Series(s.key(), s.unit(), s.options(), s.unsteady(), s.sources(), s.invalid());
    }
    double[] x = s.centers(s.forks().size() < 2);
    double center = Stats.median(x);
    double tail = medianOrNaN(s.tails(s.forks().size() < 2));
    boolean base = v == Verdict.BASELINE_ONLY;
    return new Row(s.key().benchmark(), s.key().shortName(), s.key().mode(), s.key().params(), s.unit(), v,
        s.forks().size() < 2 ? "iteration" : "fork", base ? x.length : 0, base ? 0 : x.length,
        base ? center : Double.NaN, base ? Double.NaN : center, base ? tail : Double.NaN, base ? Double.NaN : tail,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, false,
        null);
  }

  /**
   * A row whose replicates include a load that did not happen as asked: no statistics, no verdict, the reasons
   * instead. The valid forks' median is shown for diagnosis.
   */
  private static Row invalid(Key k, Series sb, Series sc) {
    List<String> why = new ArrayList<>();
    if (sb != null) {
      sb.invalid().forEach(w -> why.add("baseline " + w));
    }
    if (sc != null) {
      sc.invalid().forEach(w -> why.add("candidate " + w));
    }
    String unit = sb != null ? sb.unit() : sc.unit();
    return new Row(k.benchmark(), k.shortName(), k.mode(), k.params(), unit, Verdict.INVALID, "fork",
        sb == null ? 0 : sb.forks().size(), sc == null ? 0 : sc.forks().size(), validMedian(sb), validMedian(sc),
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, 0, false, null, String.join("; ", why));
  }

  /** A row with a side that has no steady fork: no statistics, no verdict; all forks' median shown for diagnosis. */
  private static Row notGated(Key k, Series sb, Series sc) {
    List<String> why = new ArrayList<>();
    sb.unsteadyWhy().forEach(w -> why.add("baseline " + w));
    sc.unsteadyWhy().forEach(w -> why.add("candidate " + w));
    return new Row(k.benchmark(), k.shortName(), k.mode(), k.params(), sb.unit(), Verdict.NOT_GATED, "fork",
        sb.forks().size(), sc.forks().size(), anyMedian(sb), anyMedian(sc), Double.NaN, Double.NaN, Double.NaN,
        Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0, false, null,
        String.join("; ", why));
  }

  private static double anyMedian(Series s) {
    double[] all = java.util.stream.Stream.concat(s.forks().stream(), s.unsteady().stream())
        .mapToDouble(Series.Fork::center).toArray();
    return all.length == 0 ? Double.NaN : Stats.median(all);
  }

  private static double medianOrNaN(double[] v) {
    return v.length == 0 || Double.isNaN(v[0]) ? Double.NaN : Stats.median(v);
  }

  private static double validMedian(Series s) {
    return s == null || s.forks().isEmpty() ? Double.NaN : Stats.median(s.centers(false));
  }

  /**
   * The phase whose median moved most between the sides (median over trials of each trial's median), duration
   * left out unless no other phase is on both sides; null without samples on both, or when no median moved.
   */
  static Row.PhaseShift phaseShift(List<Map<String, Double>> base, List<Map<String, Double>> cand) {
    if (base == null || cand == null) {
      return null;
    }
    Row.PhaseShift best = null;
    for (String p : netcalls.read.TrialSummary.PHASES) {
      if (p.equals("duration") && best != null) {
        break;
      }
      for (String leg : List.of("none", "a", "b")) { // a pair's legs each on their own
        String phase = ComparedRun.legPhase(leg, p);
        double[] x = base.stream().filter(m -> m.containsKey(phase)).mapToDouble(m -> m.get(phase)).toArray();
        double[] y = cand.stream().filter(m -> m.containsKey(phase)).mapToDouble(m -> m.get(phase)).toArray();
        if (x.length == 0 || y.length == 0) {
          continue;
        }
        Row.PhaseShift s = new Row.PhaseShift(phase, Stats.median(x), Stats.median(y));
        if (best == null || Math.abs(s.deltaNs()) > Math.abs(best.deltaNs())) {
          best = s;
        }
      }
    }
    return best == null || best.deltaNs() == 0 ? null : best; // nothing moved: name no phase
  }

  private static List<Comparison.RunRef> refs(List<ComparedRun> runs) {
    List<Comparison.RunRef> out = new ArrayList<>();
    for (ComparedRun r : runs) {
      out.add(new Comparison.RunRef(r.dir(), r.runId(), r.gitCommit(), r.testbed().describe(), r.end()));
    }
    return out;
  }
}
