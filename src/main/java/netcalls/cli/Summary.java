package netcalls.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import netcalls.read.CallCost;
import netcalls.read.JmhResults;
import netcalls.read.Problems;
import netcalls.read.Profile;
import netcalls.read.RunReader;
import netcalls.read.Trial;
import netcalls.read.TrialSummary;
import netcalls.read.Warmups;
import netcalls.run.RunFolder;

/**
 * The tables printed after a run, made from the run folder alone through the exporter's readers
 * (jmh.json, the trials and their samples), so {@code summary RUN_DIR} prints the same for any
 * earlier run. Phase numbers come from {@link TrialSummary}, the same numbers the export writes as
 * {@code netcalls_phase}. This class reads; the sections ({@link LatencyTable}, {@link OpenLoopTable},
 * {@link PhaseTable}, {@link CostTable}, {@link SummaryNotes}) only lay out what was read.
 */
final class Summary {
  private static final int PROBLEMS_SHOWN = 5;

  private Summary() {}

  /** Collects what could not be read, to say so under the tables. */
  static String render(Path runDir) throws IOException {
    RunFolder run = RunFolder.of(runDir);
    Problems.Errors problems = new Problems.Errors();
    List<JmhResults.Result> results = new ArrayList<>();
    RunReader.jmhResults(run, problems, results::add);
    StringBuilder s = new StringBuilder();
    Profile profile = Profile.of(run);
    if (profile != null) {
      s.append("PROFILED: ").append(profile.describe()).append("\n\n");
    }
    LatencyTable.append(s, results);
    SummaryNotes.warmups(s, Warmups.read(run, problems));
    OpenLoopTable.append(s, RunReader.openLoop(run, problems));
    List<Trial> trials = RunReader.trials(run, problems);
    List<TrialSummary> summaries = new ArrayList<>();
    for (Trial t : trials) {
      summaries.add(TrialSummary.of(t, problems));
    }
    PhaseTable.append(s, trials, summaries);
    CostTable.append(s, CallCost.readAll(run, problems));
    SummaryNotes.live(s, trials);
    notRead(s, problems.list());
    return s.toString();
  }

  private static void notRead(StringBuilder s, List<String> problems) {
    if (!problems.isEmpty()) {
      s.append("\nNot read (").append(problems.size()).append("; `export` names them all):\n");
      problems.stream().limit(PROBLEMS_SHOWN).forEach(e -> s.append("  ").append(e).append('\n'));
    }
  }
}
