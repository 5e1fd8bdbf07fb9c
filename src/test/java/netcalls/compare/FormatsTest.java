package netcalls.compare;

import static netcalls.compare.RunBuilder.AHC;
import static netcalls.compare.RunBuilder.OKHTTP;
import static netcalls.compare.RunBuilder.REQUEST;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The three formats of one comparison: an aligned table, a GitHub table, JSON that parses back. */
class FormatsTest {
  @TempDir
  Path tmp;

  Comparison c;

  @BeforeEach
  void compare() throws Exception {
    Path a = new RunBuilder(tmp.resolve("a")).sample(REQUEST, OKHTTP, "us/op", CompareTest.BASE)
        .sample(REQUEST, AHC, "us/op", CompareTest.BASE)
        .trial(REQUEST, OKHTTP, Map.of("waiting", 60_000L, "duration", 100_000L)).write();
    Path b = new RunBuilder(tmp.resolve("b")).testbed("Other CPU", 2, "6.1.0", "17.0.15")
        .sample(REQUEST, OKHTTP, "us/op", CompareTest.SLOWER)
        .trial(REQUEST, OKHTTP, Map.of("waiting", 108_000L, "duration", 148_000L)).write();
    c = Compare.runs(List.of(a), List.of(b), Options.defaults());
  }

  @Test
  void textIsAnAlignedTableWithTheFooter() {
    String s = Formats.text(c);
    List<String> lines = s.lines().toList();
    assertThat(lines.get(0)).isEqualTo("Compare a (baseline) with b (candidate)");
    List<String> table = lines.subList(1, 4);
    int verdictColumn = table.get(0).indexOf("verdict");
    assertThat(table.get(1)).contains("baseline only");
    assertThat(table.get(2).substring(verdictColumn)).startsWith("slower");
    assertThat(table.get(1).substring(verdictColumn)).startsWith("baseline only");
    assertThat(table.get(2)).contains("+20.0%").contains("waiting +48.0 µs").contains("5/5").contains("0.008");
    assertThat(s).contains("Method: one replicate per JMH fork").contains("Benjamini-Hochberg")
        .contains("Hodges-Lehmann").contains("p(BH) < 0.05 and |change| >= 5 %")
        .contains("at least 4 per side").contains("3 vs 3 can never reach p < 0.05")
        .contains("and 4 for a change in one row alone among the 1 gated")
        .contains("Gate: every row (p99 rows informational; --gate-p99 gates them), never a thin p99 (fewer than 10"
            + " samples beyond it in a fork): a family of 1 tested row(s)")
        .contains("one slower row alone needs p <= 0.05 / 1 = 0.050: 5 paired rounds");
    assertThat(table.get(0)).contains(" test ");
    assertThat(table.get(2)).contains(" unpaired ");
    assertThat(s).contains("warning: the runs were measured on different testbeds");
  }

  @Test
  void markdownIsAGithubTable() {
    String s = Formats.markdown(c);
    assertThat(s).startsWith("### netcalls compare: 2 slower, 0 faster, 0 noisy of 2 rows"); // p50 and p99 (info)
    List<String> table = s.lines().filter(l -> l.startsWith("|")).toList();
    assertThat(table).hasSize(5);
    long columns = cells(table.get(0));
    assertThat(table).allSatisfy(l -> assertThat(cells(l)).isEqualTo(columns));
    assertThat(table.get(1)).matches("\\|(-{3}:?\\|)+");
    assertThat(s).contains("| **slower** |").contains("- warning: the runs were measured on different testbeds");
    assertThat(s).contains("Benjamini-Hochberg");
  }

  @Test
  void jsonParsesBackWithStableFields() throws Exception {
    JsonNode j = new ObjectMapper().readTree(Formats.json(c));
    assertThat(j.path("exitCode").asInt()).isEqualTo(1);
    assertThat(j.path("alpha").asDouble()).isEqualTo(0.05);
    assertThat(j.path("method").path("fdr").asText()).isEqualTo("Benjamini-Hochberg over the gated family");
    assertThat(j.path("familySize").asInt()).isEqualTo(1);
    assertThat(j.path("gate").isNull()).isTrue();
    assertThat(j.path("aloneNeedsP").asDouble()).isEqualTo(0.05);
    assertThat(j.path("baseline").get(0).path("runId").asText()).isEqualTo("a");
    assertThat(j.path("summary").path("slower").asInt()).isEqualTo(2); // its p99 row too, informational
    assertThat(j.path("summary").path("baselineOnly").asInt()).isEqualTo(1);
    JsonNode only = j.path("rows").get(0);
    assertThat(only.path("verdict").asText()).isEqualTo("baseline only");
    assertThat(only.path("candidate").path("p50").isNull()).isTrue();
    assertThat(only.path("p").isNull()).isTrue();
    JsonNode slower = j.path("rows").get(1);
    assertThat(slower.path("verdict").asText()).isEqualTo("slower");
    assertThat(slower.path("params").path("client").asText()).isEqualTo("okhttp");
    assertThat(slower.path("baseline").path("p50").asDouble()).isEqualTo(100);
    assertThat(slower.path("changePercent").asDouble()).isBetween(19.99, 20.01);
    assertThat(slower.path("ciLower").asDouble()).isGreaterThan(1);
    assertThat(slower.path("pAdjusted").asDouble()).isBetween(0.0079, 0.0080);
    assertThat(slower.path("phase").path("name").asText()).isEqualTo("waiting");
    assertThat(slower.path("phase").path("deltaNs").asDouble()).isEqualTo(48_000);
    assertThat(j.path("warnings")).hasSize(1);
    assertThat(j.path("minimumReplicates").asInt()).isEqualTo(4);
    assertThat(j.path("minimumReplicatesAlone").asInt()).isEqualTo(4);
  }

  @Test
  void numbersKeepTheirPrecisionWithoutExponents() {
    assertThat(Formats.num(111.54)).isEqualTo("111.5");
    assertThat(Formats.num(31621.13)).isEqualTo("31621.1");
    assertThat(Formats.num(56.341)).isEqualTo("56.34");
    assertThat(Formats.num(0.000131)).isEqualTo("0.0001310");
    assertThat(Formats.num(Double.NaN)).isEmpty();
  }

  private static long cells(String line) {
    return line.replace("\\|", "").chars().filter(ch -> ch == '|').count();
  }
}
