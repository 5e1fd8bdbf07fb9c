package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netcalls.read.Problems;
import netcalls.read.Warmups;
import netcalls.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary's warm-up line, from warmup/<trial>.json files as trials write them. */
class WarmupSummaryTest {
  @TempDir
  Path tmp;

  private void write(String trial, String client, boolean converged, long ms, long calls) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve(RunFolder.WARMUP));
    Files.writeString(dir.resolve(trial + ".json"), "{\"benchmark\":\"netcalls.bench.RequestLatency.request\","
        + "\"params\":{\"client\":\"" + client + "\",\"strategy\":\"reuse\",\"scheme\":\"http\"},\"converged\":"
        + converged + ",\"elapsedMs\":" + ms + ",\"calls\":" + calls + ",\"windowMediansNs\":[1,2]}");
  }

  @Test
  void namesTheTrialsTheCapStoppedWhileStillFaster() throws Exception {
    write("a", "okhttp", true, 3000, 30000);
    write("b", "jdk", false, 10000, 9000);
    write("c", "ahc", true, 4000, 40000);
    StringBuilder s = new StringBuilder();
    SummaryNotes.warmups(s, Warmups.read(RunFolder.of(tmp), Problems.IGNORE));
    assertThat(s.toString()).contains("Warm-up at setup: 2 of 3 trials steady before the cap (median 4.0 s, longest 10.0 s)")
        .contains("still getting faster at the cap: RequestLatency.request jdk reuse http");
  }

  @Test
  void aDamagedFileIsReportedAndTheRestShown() throws Exception {
    write("a", "okhttp", true, 2000, 100);
    Files.writeString(tmp.resolve(RunFolder.WARMUP).resolve("bad.json"), "{not json");
    List<String> errors = new java.util.ArrayList<>();
    List<Warmups.Warmup> w = Warmups.read(RunFolder.of(tmp), new Problems() {
      @Override
      public void error(String message) {
        errors.add(message);
      }

      @Override
      public void warn(String message) {}
    });
    assertThat(w).hasSize(1);
    assertThat(errors).singleElement().asString().contains("bad.json");
  }

  @Test
  void aRunWithoutWarmupsPrintsNothing() {
    StringBuilder s = new StringBuilder();
    SummaryNotes.warmups(s, Warmups.read(RunFolder.of(tmp), Problems.IGNORE));
    assertThat(s.toString()).isEmpty();
  }
}
