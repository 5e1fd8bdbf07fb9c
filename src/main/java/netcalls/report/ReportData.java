package netcalls.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import netcalls.client.Capabilities;
import netcalls.client.ClientKind;
import netcalls.compare.Compare;
import netcalls.compare.CompareException;
import netcalls.compare.Comparison;
import netcalls.compare.CostRows;
import netcalls.compare.DiffFlameGraph;
import netcalls.compare.FramesMoved;
import netcalls.compare.Formats;
import netcalls.compare.Options;
import netcalls.read.JmhResults;
import netcalls.read.OpenLoopResult;
import netcalls.read.Problems;
import netcalls.read.RunInfo;
import netcalls.read.RunReader;
import netcalls.read.Trial;
import netcalls.run.Phase;
import netcalls.run.RunFolder;

/**
 * Everything the report draws, as one JSON tree made from run folders alone: the run's metadata, JMH's
 * results (the summary's numbers), the samples' histograms and sums per benchmark × parameter set, what is
 * missing, and with a baseline the comparison of {@code compare} and the baseline's curves.
 */
final class ReportData {
  static final ObjectMapper JSON = new ObjectMapper();

  private ReportData() {}

  /** Collects what could not be read, to list it in the report. */
  static ObjectNode of(Path runDir, Path baselineOrNull) throws IOException {
    RunFolder run = RunFolder.of(runDir);
    Problems.Errors problems = new Problems.Errors();
    ObjectNode root = JSON.createObjectNode();
    List<JmhResults.Result> results = new ArrayList<>();
    RunReader.jmhResults(run, problems, results::add);
    RunInfo info = RunReader.runInfo(run, problems);
    ObjectNode runNode = root.putObject("run");
    runInfo(info, results, runNode);
    runNode.put("forkJdk", RunInfo.forkJdk(run.dir()));

    ArrayNode rows = root.putArray("results");
    Map<String, List<Map<String, String>>> byBenchmark = new LinkedHashMap<>();
    for (JmhResults.Result r : results) {
      if (!OpenLoopResult.isOpenLoop(r)) { // its score is a schedule's wall time: the open-loop section shows it
        Rows.json(r, rows.addObject());
      }
      byBenchmark.computeIfAbsent(r.benchmark(), k -> new ArrayList<>()).add(r.params());
    }
    List<Trial> trials = RunReader.trials(run, problems);
    Map<String, Groups.Group> groups = Groups.read(trials, problems);
    Map<String, List<Map<String, String>>> traced = new LinkedHashMap<>();
    for (Groups.Group g : groups.values()) {
      traced.computeIfAbsent(g.benchmark, k -> new ArrayList<>()).add(g.params);
    }
    groupsJson(groups, root.putArray("groups"));
    Rows.missing(byBenchmark, traced, root.putArray("missing"));
    OpenLoopRows.json(RunReader.openLoop(run, problems), root.putArray("openloop"));
    CostData.json(netcalls.read.CallCost.readAll(run, problems), root.putArray("cost"));
    netcalls.read.Profile profile = netcalls.read.Profile.of(run);
    if (profile != null) {
      ObjectNode p = root.putObject("profile");
      p.put("describe", profile.describe());
      ArrayNode graphs = p.putArray("flameGraphs");
      profile.flameGraphs().forEach(graphs::add);
    }
    invisible(root.putObject("invisible"));
    if (baselineOrNull != null) {
      comparison(baselineOrNull, runDir, root);
    }
    ArrayNode errors = root.putArray("problems");
    problems.list().forEach(errors::add);
    return root;
  }

  private static void groupsJson(Map<String, Groups.Group> groups, ArrayNode out) {
    for (Groups.Group g : groups.values()) {
      Groups.json(g, out.addObject());
    }
  }

  private static void runInfo(RunInfo info, List<JmhResults.Result> results, ObjectNode o) {
    o.put("id", info.runId());
    o.put("start", info.start() == null ? null : info.start().toString());
    o.put("end", info.end() == null ? null : info.end().toString());
    if (info.start() != null && info.end() != null) {
      Duration d = Duration.between(info.start(), info.end());
      o.put("duration", d.toMinutes() + " min " + d.toSecondsPart() + " s");
    }
    o.put("gitCommit", info.gitCommit());
    o.put("jdk", info.jdk());
    o.put("vm", info.vm());
    o.put("host", info.host());
    o.put("target", info.target());
    o.put("args", info.args() == null ? null : String.join(" ", info.args()));
    o.put("testbed", info.testbed()); // the same words compare and the export use
    if (info.exitCode() != null) {
      o.put("exitCode", info.exitCode());
    }
    if (info.recordedSamples() != null) {
      o.put("samplesKept", info.recordedSamples());
    }
    if (info.droppedSamples() != null) {
      o.put("samplesDropped", info.droppedSamples());
    }
    Set<String> options = new LinkedHashSet<>();
    for (JmhResults.Result r : results) {
      JmhResults.Options x = r.options();
      options.add(r.mode() + ": forks " + r.forks() + ", warmup " + x.warmupIterations() + " × " + x.warmupTime()
          + ", measurement " + x.measurementIterations() + " × " + x.measurementTime() + ", threads " + r.threads());
    }
    ArrayNode jmh = o.putArray("jmh");
    options.forEach(jmh::add);
  }

  /** Per client, the phases its hooks cannot see (always blank in its samples). */
  private static void invisible(ObjectNode o) {
    for (ClientKind k : ClientKind.values()) {
      Capabilities can = k.capabilities();
      EnumSet<Phase> hidden = EnumSet.allOf(Phase.class);
      hidden.removeAll(can.phases());
      if (!hidden.isEmpty() || !can.seesReuse()) {
        ArrayNode a = o.putArray(k.name());
        hidden.forEach(p -> a.add(p.column()));
        if (!can.seesReuse()) {
          a.add("reuse");
        }
      }
    }
  }

  /**
   * compare's cost rows and, of two profiled runs, the frames that moved with a differential flame graph per row
   * (written into this run's profiles/, linked relative to the report beside it).
   */
  private static void costAndFrames(Path baseline, Path candidate, ObjectNode c) throws IOException {
    CostRows.Result costs = CostRows.compare(List.of(baseline), List.of(candidate), java.util.Set.of());
    table(CostRows.cells(costs), c.putArray("costRows"));
    costs.notes().forEach(c.withArray("costNotes")::add);
    FramesMoved.Result frames = FramesMoved.compare(List.of(baseline), List.of(candidate));
    if (frames.rows() == 0) {
      frames.notes().forEach(c.withArray("frameNotes")::add);
      return;
    }
    table(FramesMoved.cells(frames), c.putArray("frames"));
    frames.notes().forEach(c.withArray("frameNotes")::add);
    ArrayNode graphs = c.putArray("flameGraphs");
    for (Path g : DiffFlameGraph.writeAll(List.of(baseline), List.of(candidate), candidate)) {
      graphs.add(candidate.toAbsolutePath().normalize().relativize(g.toAbsolutePath().normalize()).toString());
    }
  }

  private static void table(List<String[]> cells, ArrayNode out) {
    for (String[] r : cells) {
      ArrayNode a = out.addArray();
      for (String s : r) {
        a.add(s);
      }
    }
  }

  /** The table of {@code compare} (its own cells), and the baseline's curves to overlay. */
  private static void comparison(Path baseline, Path candidate, ObjectNode root) throws IOException {
    ObjectNode c = root.putObject("comparison");
    Problems.Errors problems = new Problems.Errors();
    c.put("baselineId", RunFolder.of(baseline).runId());
    try {
      // a report shows, it does not gate: runs made one after the other are compared, with the warning
      Comparison cmp = Compare.runs(baseline, candidate, Options.defaults().sequentialAllowed());
      List<String[]> cells = Formats.cells(cmp);
      ArrayNode rows = c.putArray("rows");
      for (String[] r : cells) {
        ArrayNode a = rows.addArray();
        for (String s : r) {
          a.add(s);
        }
      }
      ArrayNode footer = c.putArray("footer");
      Formats.footer(cmp).forEach(footer::add);
      ArrayNode notes = c.putArray("warnings");
      cmp.warnings().forEach(notes::add);
      cmp.errors().forEach(e -> notes.add("error: " + e));
      costAndFrames(baseline, candidate, c);
    } catch (CompareException e) {
      c.put("error", e.getMessage());
    }
    ObjectNode b = root.putObject("baseline");
    b.put("id", RunFolder.of(baseline).runId());
    List<Trial> trials = RunReader.trials(RunFolder.of(baseline), problems);
    groupsJson(Groups.read(trials, problems), b.putArray("groups"));
  }
}
