package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each fork's profile files move to a folder of their own, so the next fork's files do not overwrite them. */
class ForkProfilesTest {
  @TempDir
  Path dir;

  @Test
  void aForksFilesMoveToItsOwnFolderAndEarlierForksStay() throws Exception {
    Path row = Files.createDirectories(dir.resolve("RequestLatency.call-AverageTime-client-okhttp"));
    Files.writeString(row.resolve("collapsed-cpu.csv"), "a;b 1\n");
    ForkProfiles.keepApart(row, 101);
    Files.writeString(row.resolve("collapsed-cpu.csv"), "a;c 2\n");
    Files.writeString(row.resolve("flame-cpu-forward.html"), "<html>");
    ForkProfiles.keepApart(row, 202);
    assertThat(row.resolve("fork-101/collapsed-cpu.csv")).hasContent("a;b 1");
    assertThat(row.resolve("fork-202/collapsed-cpu.csv")).hasContent("a;c 2");
    assertThat(row.resolve("fork-202/flame-cpu-forward.html")).exists();
    try (var left = Files.list(row)) {
      assertThat(left.filter(Files::isRegularFile)).isEmpty();
    }
  }

  @Test
  void aForkThatWroteNothingLeavesNothing() throws Exception {
    ForkProfiles.keepApart(dir.resolve("missing"), 1);
    assertThat(dir.resolve("missing")).doesNotExist();
  }
}
