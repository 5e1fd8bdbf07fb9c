package netcalls.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import netcalls.export.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 17, in real headless Chromium: a run of 10,000 parameter sets (a 7.6 MB page) did not render in
 * 300 s; what is drawn is now capped, the page renders and says what it left out.
 */
class ReportScaleIT {
  @TempDir
  Path tmp;

  @Test
  void tenThousandParameterSetsRenderWithTheCapSaid() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    StringBuilder jmh = new StringBuilder("[");
    for (int i = 0; i < 10_000; i++) {
      jmh.append(i == 0 ? "" : ",").append("{\"jmhVersion\":\"1.37\",\"benchmark\":\"netcalls.bench.RequestLatency.request\","
          + "\"mode\":\"avgt\",\"threads\":1,\"forks\":1,\"warmupIterations\":1,\"warmupTime\":\"1 s\","
          + "\"measurementIterations\":1,\"measurementTime\":\"1 s\",\"params\":{\"client\":\"okhttp\",\"size\":\"")
          .append(i).append("\"},\"primaryMetric\":{\"score\":").append(100 + i % 50).append(",\"scoreError\":\"NaN\","
          + "\"scoreConfidence\":[\"NaN\",\"NaN\"],\"scorePercentiles\":{\"50.0\":").append(100 + i % 50)
          .append("},\"scoreUnit\":\"us/op\",\"rawData\":[[").append(100 + i % 50).append("]]}}");
    }
    Files.writeString(run.resolve("jmh.json"), jmh.append("]").toString());
    Path page = Files.writeString(run.resolve("report.html"), ReportWriter.render(run, null));
    Chromium.Output o = Chromium.dumpDom(page);
    String dom = o.stdout();
    assertThat(dom).as(o.stderr()).contains("data-rendered=\"true\"");
    assertThat(dom).doesNotContain("class=\"page-error\"").doesNotContain("data-errors=");
    assertThat(dom).contains("Showing the first 2000 of 10000 results", "Showing the first 300 of 10000 results in"
        + " this chart");
  }
}
