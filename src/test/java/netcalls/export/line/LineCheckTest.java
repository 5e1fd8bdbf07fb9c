package netcalls.export.line;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import netcalls.export.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every line the exporter writes passes; the damage a hand-edited or cut file shows does not. */
class LineCheckTest {
  @TempDir
  Path tmp;

  @Test
  void everyExportedLinePasses() throws Exception {
    for (String l : Fixtures.lines(Fixtures.exportedBasicRun(tmp))) {
      assertThat(LineCheck.problem(l)).as(l).isNull();
    }
    assertThat(LineCheck.problem("m,t=a\\ b\\,c f=\"x y, \\\"z\\\"\",g=1i,h=2.5,k=true 1795425663000000000")).isNull();
  }

  @Test
  void malformedLinesAreNamed() {
    assertThat(LineCheck.problem("netcalls_request,run=r")).contains("no fields");
    assertThat(LineCheck.problem(",run=r d=1i 1")).contains("no measurement");
    assertThat(LineCheck.problem("m,run d=1i 1")).contains("tag");
    assertThat(LineCheck.problem("m,run=r d= 1")).contains("field");
    assertThat(LineCheck.problem("m,run=r d=abc 1")).contains("not a number");
    assertThat(LineCheck.problem("m,run=r d=\"open 1")).contains("closing quote");
    assertThat(LineCheck.problem("m,run=r d=1i 17954256630000000000000")).contains("timestamp");
    assertThat(LineCheck.problem("m,run=r d=1i 1795425663000000000 extra")).contains("timestamp");
    assertThat(LineCheck.problem("m,run=r d=NaN 1")).contains("not a number");
  }
}
