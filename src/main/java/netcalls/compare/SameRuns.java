package netcalls.compare;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import netcalls.run.RunFolder;

/**
 * One run counted once: two run folders whose jmh.json and run.json are the same, byte for byte, are one run (a
 * copy) and hold the same forks, so
 * on one side they would count as independent replicates (15 copies gave p = 8.3e-08); on both sides there is
 * nothing to compare.
 */
final class SameRuns {
  private SameRuns() {}

  /**
   * Throws when a side lists the same run twice (the same jmh.json); returns the warning when a run is on both
   * sides, else null.
   */
  static String check(List<Path> baseline, List<Path> candidate) throws CompareException {
    Map<String, Path> base = side(baseline);
    Map<String, Path> cand = side(candidate);
    for (Map.Entry<String, Path> e : base.entrySet()) {
      Path other = cand.get(e.getKey());
      if (other != null) {
        return e.getValue() + " and " + other + " are the same run (identical jmh.json and run.json) on both sides:"
            + " no verdict;"
            + " compare a run with another run";
      }
    }
    return null;
  }

  private static Map<String, Path> side(List<Path> runs) throws CompareException {
    Map<String, Path> seen = new HashMap<>();
    for (Path p : runs) {
      String digest = digest(RunFolder.of(p).jmhJson(), RunFolder.of(p).runJson());
      if (digest == null) {
        continue; // a missing or unreadable jmh.json: the run's reader says so
      }
      Path first = seen.putIfAbsent(digest, p);
      if (first != null) {
        throw new CompareException(first + " and " + p + " are the same run (jmh.json and run.json the same, byte"
            + " for byte): the same forks"
            + " would count twice as independent replicates; list each run once");
      }
    }
    return seen;
  }

  private static String digest(Path jmh, Path run) {
    if (!Files.isRegularFile(jmh)) {
      return null;
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (Path f : List.of(jmh, run)) {
        if (!Files.isRegularFile(f)) {
          continue;
        }
        try (InputStream in = Files.newInputStream(f)) {
          byte[] b = new byte[1 << 16];
          for (int n; (n = in.read(b)) > 0; ) {
            md.update(b, 0, n);
          }
        }
        md.update((byte) 0); // the files' boundary
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (IOException e) {
      return null;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JDK has SHA-256
    }
  }

  /** The row without a verdict, for a comparison of a run with itself. */
  static Row noVerdict(Row r, String reason) {
    return new Row(r.benchmark(), r.shortName(), r.mode(), r.params(), r.unit(), Verdict.INVALID, r.replicate(),
        r.nBaseline(), r.nCandidate(), r.baselineCenter(), r.candidateCenter(), r.baselineTail(), r.candidateTail(),
        r.ratio(), r.ciLower(), r.ciUpper(), r.u(), r.p(), r.pAdjusted(), r.cvBaseline(), r.cvCandidate(),
        r.replicatesNeeded(), r.tooFew(), r.phase(), reason).asStat(r.stat(), r.noise());
  }
}
