package netcalls.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import netcalls.compare.Comparison;
import netcalls.export.sink.Delivery;
import netcalls.export.sink.InfluxSink;
import netcalls.export.sink.InfluxTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** netcalls_compare points through the exporter's InfluxDB sink into a real InfluxDB, and read back. */
@Tag(InfluxSupport.TAG)
class CompareInfluxIT extends WithInfluxDatabase {
  CompareInfluxIT() {
    super("cmp");
  }

  private Delivery write(Comparison c) throws Exception {
    Path file = tmp.resolve("compare.lp");
    ComparePoints.Written w = ComparePoints.write(c, file);
    return new InfluxSink(InfluxTarget.of(InfluxSupport.url(), database, Map.of()), ms -> { })
        .deliver(file, w.scope(), true);
  }

  @Test
  void theRowsAreStoredAndWritingThemAgainOverwrites() throws Exception {
    Comparison c = ComparePointsTest.comparison(tmp);
    Delivery d = write(c);
    assertThat(d.ok()).as(d.summary()).isTrue();
    assertThat(d.written()).isEqualTo(5); // 3 netcalls_compare points, and a netcalls_compare_run point per side's run

    List<List<Object>> rows = InfluxSupport.rows(influx, database, "SELECT \"change_pct\", \"phase\", \"verdict\""
        + " FROM \"netcalls_compare\" WHERE \"candidate\" = 'b' AND \"baseline\" = 'a' AND \"stat\" = 'p50'");
    assertThat(rows).singleElement().satisfies(r -> {
      assertThat(((Number) r.get(1)).doubleValue()).isBetween(19.99, 20.01);
      assertThat(r.get(2)).isEqualTo("waiting");
      assertThat(r.get(3)).isEqualTo("slower");
    });

    // the same comparison again: same series, same times, so the same three points
    Delivery again = write(ComparePointsTest.comparison(tmp.resolve("again")));
    assertThat(again.ok()).as(again.summary()).isTrue();
    List<List<Object>> count = InfluxSupport.rows(influx, database,
        "SELECT count(\"n_base\") FROM \"netcalls_compare\" WHERE \"candidate\" = 'b'");
    assertThat(((Number) count.get(0).get(1)).longValue()).isEqualTo(3);

    // made again with a threshold above the change: the verdict tag changes, and the new rows replace the old
    Comparison lenient = netcalls.compare.Compare.runs(tmp.resolve("a"), tmp.resolve("b"),
        new netcalls.compare.Options(0.05, 0.5, 0.1, false));
    Delivery replaced = write(lenient);
    assertThat(replaced.ok()).as(replaced.summary()).isTrue();
    assertThat(InfluxSupport.rows(influx, database, "SELECT \"n_base\", \"verdict\" FROM \"netcalls_compare\""
        + " WHERE \"candidate\" = 'b' AND \"stat\" = 'p50'")).singleElement()
        .satisfies(r -> assertThat(r.get(2)).isEqualTo("same"));
  }
}
