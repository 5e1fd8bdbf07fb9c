package netcalls.grafana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import netcalls.grafana.GrafanaMacros.Selection;
import org.junit.jupiter.api.Test;

/** The substitution DashboardQueriesIT relies on: Grafana's InfluxQL formatting of macros and variables. */
class GrafanaMacrosTest {
  private final GrafanaMacros macros = new GrafanaMacros(1_000, 2_000, "1m", 60_000);

  @Test
  void timeMacrosAreWrittenAsGrafanaSendsThem() {
    assertThat(macros.apply("WHERE $timeFilter GROUP BY time($__interval) LIMIT $__interval_ms $__from ${__to}", Map.of()))
        .isEqualTo("WHERE time >= 1000ms and time <= 2000ms GROUP BY time(1m) LIMIT 60000 1000 2000");
  }

  @Test
  void severalSelectedValuesBecomeAnEscapedAlternation() {
    Map<String, Selection> vars = Map.of("run", new Selection(List.of("night.1", "a+b", "c/d"), true));
    assertThat(macros.apply("\"run\" =~ /^$run$/", vars)).isEqualTo("\"run\" =~ /^(night\\.1|a\\+b|c\\/d)$/");
  }

  @Test
  void oneValueOfAMultiVariableIsEscapedWithoutParentheses_aSingleSelectIsRaw() {
    assertThat(macros.apply("/^$x$/ '${y}' [[y]]", Map.of("x", new Selection(List.of("p.50"), true),
        "y", new Selection(List.of("p.50"), false)))).isEqualTo("/^p\\.50$/ 'p.50' p.50");
  }

  @Test
  void anUnknownVariableIsAnError() {
    assertThatThrownBy(() -> macros.apply("WHERE run = '$nope'", Map.of())).hasMessageContaining("$nope");
  }

  @Test
  void variablesInNamesTheTemplateVariablesOnly() {
    assertThat(GrafanaMacros.variablesIn("$timeFilter $__interval /^$run$/ ${client} [[scheme]] $tag_x"))
        .containsExactly("client", "run", "scheme", "tag_x");
  }

  @Test
  void aSeriesWithOnlyNullsBesidesTimeHasNoValue() throws Exception {
    ObjectMapper json = new ObjectMapper();
    InfluxQl.Series nulls = new InfluxQl.Series("m", null, List.of("time", "p50"), json.readTree("[[1, null], [2, null]]"));
    InfluxQl.Series one = new InfluxQl.Series("m", null, List.of("time", "p50"), json.readTree("[[1, null], [2, 7]]"));
    InfluxQl.Series show = new InfluxQl.Series("m", null, List.of("key", "value"), json.readTree("[[\"run\", \"a\"]]"));
    assertThat(nulls.hasValue()).isFalse();
    assertThat(one.hasValue()).isTrue();
    assertThat(show.hasValue()).isTrue();
  }
}
