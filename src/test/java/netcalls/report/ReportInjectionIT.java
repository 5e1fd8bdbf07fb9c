package netcalls.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netcalls.export.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20 item 9, in real headless Chromium: a payload in every user-controlled string (parameter values, the run
 * id, the baseline's id, an exception class, a target label, run.json's target) never becomes markup, in the tables
 * or in any chart tooltip, and the page's CSP lets only its own scripts run (no 'unsafe-inline').
 */
class ReportInjectionIT {
  /** Runs when it becomes an element; no comma or double quote, so it fits a CSV cell and a JSON string as is. */
  private static final String PAYLOAD = "<img src=x onerror=document.body.dataset.pwned=1>";

  /**
   * The test's own script (allowed by its hash): shows every chart's tooltip for each data point, and counts the
   * tooltips that showed the payload's text and the img elements that appeared.
   */
  private static final String PROBE = "setTimeout(function () {\n"
      + "  var shown = 0, imgs = 0, tips = 0;\n"
      + "  document.querySelectorAll('.chart').forEach(function (box) {\n"
      + "    var c = echarts.getInstanceByDom(box); if (!c) { return; }\n"
      + "    (c.getOption().series || []).forEach(function (s, si) {\n"
      + "      for (var di = 0; di < Math.min((s.data || []).length, 4); di++) {\n"
      + "        c.dispatchAction({ type: 'showTip', seriesIndex: si, dataIndex: di }); tips++;\n"
      + "        if (box.textContent.indexOf('onerror=') >= 0) { shown++; }\n"
      + "        imgs += box.querySelectorAll('img').length;\n"
      + "      }\n"
      + "    });\n"
      + "  });\n"
      + "  imgs += document.querySelectorAll('img').length;\n"
      + "  document.body.setAttribute('data-tips', tips); document.body.setAttribute('data-shown', shown);\n"
      + "  document.body.setAttribute('data-imgs', imgs);\n"
      + "}, 300);";

  @TempDir
  Path tmp;

  @Test
  void aPayloadInEveryUserStringStaysTextInTablesAndTooltips() throws Exception {
    Path base = inject(Fixtures.copyRun("basic", tmp.resolve("b")), "base" + PAYLOAD);
    Path run = inject(Fixtures.copyRun("basic", tmp.resolve("c")), "run" + PAYLOAD);
    String html = ReportWriter.render(run, base);

    Matcher csp = Pattern.compile("Content-Security-Policy\" content=\"([^\"]*)\"").matcher(html);
    assertThat(csp.find()).isTrue();
    String scripts = csp.group(1).replaceAll(".*script-src([^;]*);.*", "$1");
    assertThat(scripts).startsWith(" 'sha256-").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");

    // the probe is let in by its hash, as the page's own scripts are
    String withHash = html.replace(csp.group(1), csp.group(1).replace("script-src", "script-src 'sha256-"
        + sha256(PROBE) + "'"));
    int end = withHash.lastIndexOf("</body>"); // the chart library's text holds the string too
    String probed = withHash.substring(0, end) + "<script>" + PROBE + "</script>\n" + withHash.substring(end);
    Path page = Files.writeString(run.resolve("probe.html"), probed);
    Chromium.Output o = Chromium.dumpDom(page);
    String dom = o.stdout();
    assertThat(dom).as(o.stderr()).contains("data-rendered=\"true\"");
    assertThat(dom).doesNotContain("data-pwned").doesNotContain("<img src=\"x\"").doesNotContain("<img src=x");
    assertThat(attr(dom, "data-imgs")).isZero();
    assertThat(attr(dom, "data-tips")).isPositive();
    assertThat(attr(dom, "data-shown")).as("tooltips that showed the payload as text").isPositive();
    // as text, where it was written
    assertThat(dom).contains("run&lt;img src=x onerror=document.body.dataset.pwned=1&gt;");
    assertThat(dom).doesNotContain("class=\"page-error\"").doesNotContain("data-errors=");
  }

  /** The payload in parameter values, run id, exception class, target label and run.json's target. */
  private static Path inject(Path run, String runId) throws Exception {
    String p = PAYLOAD;
    edit(run.resolve("run.json"), s -> s.replace("\"20261123-092100\"", "\"" + runId + "\"")
        .replace("\"built-in\"", "\"http://" + p + "\""));
    edit(run.resolve("jmh.json"), s -> s.replace("\"okhttp\"", "\"okhttp" + p + "\"")
        .replace("\"shared_pool\"", "\"shared_pool" + p + "\""));
    edit(run.resolve("samples/RequestLatency.request-1a2b3c4d-4242.json"),
        s -> s.replace("\"okhttp\"", "\"okhttp" + p + "\""));
    edit(run.resolve("samples/PairedLatency.sequential-5e6f7a8b-4243.json"),
        s -> s.replace("\"shared_pool\"", "\"shared_pool" + p + "\""));
    edit(run.resolve("samples/RequestLatency.request-1a2b3c4d-4242.csv"),
        s -> s.replace(",builtin-http,", ",builtin" + p + ",").replace("java.io.IOException,java.io.IOException",
            "java.io.IOException" + p + ",java.io.IOException"));
    return run;
  }

  private interface Edit {
    String apply(String s);
  }

  private static void edit(Path f, Edit e) throws Exception {
    Files.writeString(f, e.apply(Files.readString(f)));
  }

  private static long attr(String dom, String name) {
    Matcher m = Pattern.compile(name + "=\"(\\d+)\"").matcher(dom);
    assertThat(m.find()).as(name + " set by the probe").isTrue();
    return Long.parseLong(m.group(1));
  }

  private static String sha256(String s) throws Exception {
    return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
        .digest(s.getBytes(StandardCharsets.UTF_8)));
  }
}
