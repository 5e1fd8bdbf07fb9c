package netcalls.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The history file's lines: written and read back; a bad line is named and the good ones kept. */
class HistoryFileTest {
  private static final String A = "a".repeat(40);
  private static final String B = "b".repeat(40);

  @Test
  void aNightReadsBackAsWritten() {
    Map<String, Night.Values> rows = new LinkedHashMap<>();
    rows.put("RequestLatency.request client=okhttp", new Night.Values("us/op", new double[] {101.5, 99.25}, new double[] {103, 104}));
    Night night = new Night(0, "2026-12-03T03:00:00Z", A, B, Night.Kind.HOLD, "why", rows, List.of(3));

    HistoryFile.Parsed parsed = HistoryFile.parse("h.jsonl", List.of(HistoryFile.line(night), "", HistoryFile.line(night)));

    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.nights()).hasSize(2);
    Night back = parsed.nights().get(1);
    assertThat(back.line()).isEqualTo(3);
    assertThat(back.date()).isEqualTo(night.date());
    assertThat(back.verdict()).isEqualTo(Night.Kind.HOLD);
    assertThat(back.reason()).isEqualTo("why");
    assertThat(back.busyRounds()).containsExactly(3);
    assertThat(back.rows().get("RequestLatency.request client=okhttp").baseline()).containsExactly(101.5, 99.25);
    assertThat(back.rows().get("RequestLatency.request client=okhttp").candidate()).containsExactly(103, 104);
  }

  @Test
  void badLinesAreNamedWithFieldAndRemedyAndTheGoodOnesKept() {
    String good = "{\"date\":\"d\",\"baseline\":\"" + A + "\",\"candidate\":\"" + B + "\",\"verdict\":\"PASS\"}";
    HistoryFile.Parsed parsed = HistoryFile.parse("h.jsonl", List.of(
        good,
        "not json",
        "[1]",
        "{\"baseline\":\"" + A + "\",\"candidate\":\"" + B + "\",\"verdict\":\"PASS\"}",
        good.replace(B, "HEAD"),
        good.replace("PASS", "MAYBE"),
        good.replace("}", ",\"rows\":{\"r\":{\"unit\":\"us/op\",\"candidate\":[1,\"x\"]}}}"),
        good.replace("}", ",\"rows\":[]}"),
        good.replace("}", ",\"rows\":{\"r\":{\"candidate\":[1]}}}"),
        good));

    assertThat(parsed.nights()).extracting(Night::line).containsExactly(1, 10);
    assertThat(parsed.errors()).hasSize(8);
    assertThat(parsed.errors().get(0)).startsWith("h.jsonl line 2: not JSON (").endsWith("; fix or delete the line");
    assertThat(parsed.errors().subList(1, 8)).containsExactly(
        "h.jsonl line 3: not a JSON object; fix or delete the line",
        "h.jsonl line 4: field 'date' is missing: give the night's UTC date, e.g. 2026-12-03T03:00:00Z; fix or delete the line",
        "h.jsonl line 5: field 'candidate': HEAD is not a git sha (7 to 40 lower-case hex digits); fix or delete the line",
        "h.jsonl line 6: field 'verdict': MAYBE is none of PASS, ACCEPT, HOLD, REGRESSION; fix or delete the line",
        "h.jsonl line 7: field 'rows.r.candidate': value 2 is \"x\", not a number > 0; fix or delete the line",
        "h.jsonl line 8: field 'rows': expected an object of row label -> {unit, baseline, candidate}; fix or delete the line",
        "h.jsonl line 9: field 'rows.r.unit' is missing: give the values' unit, e.g. us/op; fix or delete the line");
  }
}
