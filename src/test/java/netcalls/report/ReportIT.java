package netcalls.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netcalls.cli.SharedRun;
import netcalls.compare.Compare;
import netcalls.compare.Formats;
import netcalls.compare.Options;
import netcalls.read.JmhResults;
import netcalls.read.Problems;
import netcalls.testing.Processes;
import org.junit.jupiter.api.Test;

/**
 * The report of real small runs of the real jar ({@link SharedRun}), written by the jar's {@code report} command
 * and rendered in headless Chromium without a network: no console message, no error, no request; every chart
 * drawn on a canvas of non-zero size; the tables hold the run's numbers.
 */
class ReportIT {
  private static final Pattern CANVAS = Pattern.compile("<canvas[^>]*\\bwidth=\"(\\d+)\"[^>]*\\bheight=\"(\\d+)\"");

  @Test
  void theSmokeRunsReportRendersEveryChartOffline() throws Exception {
    Path run = SharedRun.smoke().dir();
    Path page = report(run);
    assertThat(Files.size(page)).isLessThan(5 << 20);
    String dom = rendered(page);
    for (String chart : List.of("spread", "curves", "phases", "paired", "reuse", "failures", "cost-alloc", "cost-cpu")) {
      assertCanvas(dom, "chart-" + chart);
    }
    assertTableHoldsTheRunsNumbers(dom, run);
    // every traced trial's cost per call: RequestLatency's row of each client, with its bytes
    for (netcalls.client.ClientKind c : netcalls.client.ClientKind.values()) {
      assertThat(section(dom, "cost-table")).contains("<td>" + c.name() + "</td>");
    }
    assertThat(section(dom, "failures-body")).contains("HttpStatusException");
    Chromium.screenshot(page, Path.of("target", "report-smoke.png"), 1280, 4000);
  }

  @Test
  void aProfiledRunsReportLinksEachFlameGraphAndSaysItIsProfiled() throws Exception {
    Path run = SharedRun.profiledPair()[0].dir();
    String dom = rendered(run.resolve("report.html")); // the run wrote it
    String forward = null;
    for (com.fasterxml.jackson.databind.JsonNode f : new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(run.resolve("run.json").toFile()).path("profile").path("files")) {
      if (f.asText().endsWith("/flame-cpu-forward.html")) {
        forward = f.asText();
      }
    }
    assertThat(forward).isNotNull();
    assertThat(section(dom, "profile-list")).contains("href=\"" + forward + "\"");
    assertThat(section(dom, "profile-note")).contains("profiled run (cpu");
    assertThat(run.resolve(forward)).isRegularFile();
  }

  @Test
  void withABaselineTheComparisonTableIsCompares() throws Exception {
    SharedRun.Run[] pair = SharedRun.injectedPair();
    Path base = pair[0].dir();
    Path cand = pair[1].dir();
    Path page = report(cand, "--baseline", base.toString());
    String dom = rendered(page);
    for (String chart : List.of("spread", "curves", "phases", "reuse")) {
      assertCanvas(dom, "chart-" + chart);
    }
    assertTableHoldsTheRunsNumbers(dom, cand);
    String table = section(dom, "comparison-table");
    List<String[]> cells = Formats.cells(Compare.runs(base, cand, Options.defaults().sequentialAllowed()));
    assertThat(cells).hasSizeGreaterThan(1);
    for (String[] row : cells) {
      StringBuilder expected = new StringBuilder();
      for (String c : row) {
        expected.append(c.isEmpty() ? "" : c).append('\u0000');
      }
      List<String> got = new ArrayList<>();
      Matcher m = Pattern.compile("<t[dh][^>]*>(.*?)</t[dh]>").matcher(table);
      while (m.find()) {
        got.add(unescape(m.group(1)));
      }
      assertThat(String.join("\u0000", got) + "\u0000").contains(expected);
    }
    assertThat(table).contains("class=\"verdict-"); // the verdict itself depends on the machine
  }

  /**
   * The profiled pair (the candidate with 1 ms of injected CPU a call): the report's comparison has compare's cost
   * rows, the frames that moved with the injected one first and a link to the differential flame graph, which
   * renders offline with the injected frame coloured as more.
   */
  @Test
  void withAProfiledBaselineTheComparisonHasCostRowsFramesAndADifferentialFlameGraph() throws Exception {
    SharedRun.Run[] pair = SharedRun.profiledPair();
    Path cand = pair[1].dir();
    Path page = report(cand, "--baseline", pair[0].dir().toString());
    String dom = rendered(page);
    assertThat(section(dom, "comparison-cost")).contains("alloc client").contains("cpu client");
    String frames = section(dom, "comparison-frames");
    assertThat(unescape(frames.substring(frames.indexOf("</tr>")))).as(frames)
        .startsWith("netcalls/client/Injected");
    Matcher link = Pattern.compile("href=\"(profiles/diff-[^\"]+\\.html)\"").matcher(
        section(dom, "comparison-flamegraphs"));
    assertThat(link.find()).as(dom).isTrue();
    Path graph = cand.resolve(link.group(1));
    assertThat(graph).isRegularFile();
    Chromium.Output o = Chromium.dumpDom(graph);
    assertThat(o.console()).as("console messages").isEmpty();
    assertThat(o.stdout()).containsPattern("data-frame=\"netcalls/client/Injected[^\"]*\" data-change=\"more\"")
        .contains("<svg");
    Chromium.screenshot(page, Path.of("target", "report-profile.png"), 1280, 4000);
    Chromium.screenshot(graph, Path.of("target", "diff-flame-graph.png"), 1280, 900);
  }

  /**
   * Open-loop runs (fixtures from real small runs): their section holds each fork's rates and corrected and
   * uncorrected percentiles, and a plot; a fork that missed its rate shows no latency and says why. Their JMH
   * wall time is not in the results table.
   */
  @Test
  void openLoopRunsHaveTheirSection() throws Exception {
    Path tmp = Files.createTempDirectory("openloop-report");
    Path ok = netcalls.export.Fixtures.copyRun("openloop-ok", tmp);
    String dom = rendered(report(ok));
    assertCanvas(dom, "chart-openloop");
    String table = section(dom, "openloop-table");
    for (netcalls.read.OpenLoopResult r : netcalls.read.RunReader.openLoop(netcalls.run.RunFolder.of(ok),
        Problems.IGNORE)) {
      assertThat(table).contains(">" + fmt(r.corrected().get("p99")) + "</td>")
          .contains(">" + fmt(r.uncorrected().get("p50")) + "</td>");
    }
    assertThat(section(dom, "results-table")).doesNotContain("OpenLoopLatency");

    Path bad = netcalls.export.Fixtures.copyRun("openloop-bad", tmp);
    String badDom = rendered(report(bad));
    assertThat(section(badDom, "openloop-notes")).contains("no latency, because rate not reached: 41.3 of 200.0");
    int chartAt = badDom.indexOf("id=\"chart-openloop\"");
    assertThat(badDom.substring(chartAt, badDom.indexOf("</div>", chartAt)))
        .contains("No open-loop fork reached its rate").doesNotContain("<canvas");
  }

  /** report.js's fmt: one decimal from 100 up, else 2 or 3 decimals. */
  private static String fmt(double v) {
    double a = Math.abs(v);
    return a >= 100 ? String.format(Locale.ROOT, "%.1f", v) : a >= 10 ? String.format(Locale.ROOT, "%.2f", v)
        : String.format(Locale.ROOT, "%.3f", v);
  }

  /** Runs {@code java -jar benchmarks.jar report RUN [more]}; returns the page it wrote. */
  private static Path report(Path run, String... more) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("report", run.toString()));
    args.addAll(List.of(more));
    Processes.Result r = Processes.jar(Duration.ofMinutes(2), args.toArray(String[]::new));
    String out = r.out();
    assertThat(r.exit()).as(out).isZero();
    Path page = run.resolve("report.html");
    assertThat(out).contains(page.toAbsolutePath().normalize().toString());
    return page;
  }

  /** The DOM after the scripts ran, checked for errors, console messages and requests. */
  private static String rendered(Path page) throws IOException, InterruptedException {
    Chromium.Output o = Chromium.dumpDom(page);
    String dom = o.stdout();
    assertThat(o.console()).as("console messages").isEmpty();
    assertThat(dom).contains("data-rendered=\"true\"").as("requests made").contains("data-resources=\"0\"");
    assertThat(dom).doesNotContain("class=\"page-error\"").doesNotContain("data-errors=");
    return dom;
  }

  private static void assertCanvas(String dom, String id) {
    int at = dom.indexOf("id=\"" + id + "\"");
    assertThat(at).as(id + " in the page").isPositive();
    int next = dom.indexOf("id=\"chart-", at + 1);
    String box = dom.substring(at, next < 0 ? dom.indexOf("</section>", at) : next);
    Matcher m = CANVAS.matcher(box);
    assertThat(m.find()).as(id + " has a canvas").isTrue();
    assertThat(Integer.parseInt(m.group(1))).as(id + " width").isPositive();
    assertThat(Integer.parseInt(m.group(2))).as(id + " height").isPositive();
  }

  /** Each JMH result's p50, p90 and p99 as the summary prints them, in the row of its benchmark × parameters. */
  private static void assertTableHoldsTheRunsNumbers(String dom, Path run) throws IOException {
    String table = section(dom, "results-table");
    List<JmhResults.Result> results = new ArrayList<>();
    JmhResults.read(run.resolve("jmh.json"), Problems.IGNORE, results::add);
    assertThat(results).isNotEmpty();
    for (JmhResults.Result r : results) {
      String key = Groups.key(r.benchmark(), r.params());
      int at = table.indexOf("data-key=\"" + Page.text(key) + "\"");
      assertThat(at).as(key + " has a row").isPositive();
      String row = table.substring(at, table.indexOf("</tr>", at));
      for (String p : List.of("p50", "p90", "p99")) {
        String text = String.format(Locale.ROOT, "%.1f", r.primary().percentiles().get(p));
        assertThat(row).as(key + " " + p).containsPattern(">" + Pattern.quote(text) + "(<sup>|</td>)");
      }
    }
  }

  /** The element with this id, up to its end tag (tables and divs here nest no element of their own kind). */
  private static String section(String dom, String id) {
    int at = dom.indexOf("id=\"" + id + "\"");
    assertThat(at).as(id).isPositive();
    String tag = dom.substring(dom.lastIndexOf('<', at) + 1, at).trim();
    int end = dom.indexOf("</" + tag + ">", at);
    return dom.substring(at, end);
  }

  private static String unescape(String html) {
    return html.replaceAll("<[^>]+>", "").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
        .replace("&amp;", "&");
  }
}
