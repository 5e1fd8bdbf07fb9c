package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netcalls.export.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report RUN_DIR}: the page's numbers are the printed summary's; a folder that is no run is refused. */
class ReportCommandTest {
  @TempDir
  Path tmp;

  @Test
  void theReportsP50sAreTheSummarys() throws Exception {
    Path run = Fixtures.copyRun("basic", tmp);
    assertThat(Main.run(new String[] {"report", run.toString()})).isZero();
    String html = Files.readString(run.resolve("report.html"));
    Matcher m = Pattern.compile("<script type=\"application/json\" id=\"data\">(.*?)</script>", Pattern.DOTALL)
        .matcher(html);
    assertThat(m.find()).isTrue();
    JsonNode rows = new ObjectMapper().readTree(m.group(1)).get("results");
    List<String> reportP50s = new ArrayList<>();
    // the same number, and the same thin mark: the summary's ~ where the report marks the cell thin
    rows.forEach(r -> reportP50s.add((r.path("pct").path("p50").path("thin").asBoolean() ? "~" : "")
        + r.path("pct").path("p50").path("t").asText()));
    assertThat(reportP50s).isEqualTo(summaryColumn(Summary.render(run), "p50")).hasSize(4);
    assertThat(reportP50s).anyMatch(v -> v.startsWith("~"));
  }

  @Test
  void aFolderThatIsNoRunIsRefusedNamingTheFile() throws Exception {
    Path notARun = Files.createDirectories(tmp.resolve("nothing"));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream old = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(new String[] {"report", notARun.toString()})).isEqualTo(2);
    } finally {
      System.setErr(old);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("jmh.json").contains("missing");
    assertThat(notARun.resolve("report.html")).doesNotExist();
  }

  /** The cells of one column of the summary's first table, found under its header. */
  private static List<String> summaryColumn(String summary, String column) {
    String[] lines = summary.split("\n");
    int header = 1; // line 0 is the title
    int from = lines[header].indexOf(" " + column + " ") + 1;
    List<String> out = new ArrayList<>();
    for (int i = header + 1; i < lines.length && !lines[i].isBlank(); i++) {
      String rest = lines[i].substring(from);
      out.add(rest.split("\\s+")[0]);
    }
    return out;
  }
}
