package netcalls.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Phase medians from sample CSVs: legs counted, paired totals not, absent cells absent, quoted cells whole. */
class PhaseSamplesTest {
  @TempDir
  Path tmp;

  @Test
  void pairedTotalsAreNotRequests() throws Exception {
    Path csv = tmp.resolve("t.csv");
    Files.writeString(csv, "seq,leg,waiting_ns,duration_ns,exception\n"
        + "0,a,100,1000,\n"
        + "0,b,,2000,\"a,b\"\n"
        + "0,pair,,90000,\n"
        + "1,pair,,90000,\n");
    List<String> errors = new ArrayList<>();
    Map<String, Double> m = PhaseSamples.csvMedians(csv, errors);
    // the legs' durations are 1000 and 2000: the nearest-rank median is 1000; with the totals it would be 2000
    assertThat(m.get("duration")).isCloseTo(1000, within(1.0));
    // waiting is present once; the other phases not at all
    assertThat(m.get("waiting")).isCloseTo(100, within(0.1));
    assertThat(m).containsOnlyKeys("waiting", "duration");
    assertThat(errors).isEmpty();
  }

  @Test
  void cellsFollowRfc4180Quoting() {
    assertThat(PhaseSamples.cells("1,\"a,b\",\"say \"\"hi\"\"\",")).containsExactly("1", "a,b", "say \"hi\"", "");
  }

  @Test
  void aMalformedRowIsReportedWithItsLineAndTheRestKept() throws Exception {
    Path csv = tmp.resolve("t.csv");
    Files.writeString(csv, "seq,leg,waiting_ns,duration_ns\n0,,100,1000\n1,,x,1000\n2,,300,3000\n");
    List<String> errors = new ArrayList<>();
    Map<String, Double> m = PhaseSamples.csvMedians(csv, errors);
    assertThat(errors).singleElement().asString().contains("t.csv").contains("1 malformed row").contains("line 3");
    assertThat(m.get("waiting")).isCloseTo(100, within(0.1));
  }
}
