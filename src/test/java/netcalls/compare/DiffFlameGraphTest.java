package netcalls.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import netcalls.compare.ProfileStacks.Row;
import org.junit.jupiter.api.Test;

/** The differential flame graph's tree, widths and colours, on collapsed stacks of two sides. */
class DiffFlameGraphTest {
  private static final List<String> BASE = List.of("Thread.run;Call.execute;Socket.read 400",
      "Thread.run;Call.execute;Buffer.write 300", "Thread.run;Old.path 100");
  private static final List<String> CAND = List.of("Thread.run;Call.execute;Socket.read 400",
      "Thread.run;Call.execute;Buffer.write 300", "Thread.run;Injected.burnCpu 500");

  private static Row row(List<String> lines) {
    return new Row("r", List.of(ProfileStacks.parse(lines, 100), ProfileStacks.parse(lines, 100)), 10, "ns of CPU",
        "cpu");
  }

  @Test
  void eachFrameHasBothSidesPerCallAndItsChange() {
    DiffFlameGraph.Node root = DiffFlameGraph.tree(row(BASE), row(CAND));
    DiffFlameGraph.Node thread = root.children.get("Thread.run");
    assertThat(thread.base).isEqualTo(800 * 10 / 100.0);
    assertThat(thread.cand).isEqualTo(1200 * 10 / 100.0);
    assertThat(DiffFlameGraph.change(thread.children.get("Injected.burnCpu"))).isEqualTo(DiffFlameGraph.MORE);
    assertThat(DiffFlameGraph.change(thread.children.get("Old.path"))).isEqualTo(DiffFlameGraph.LESS);
    assertThat(DiffFlameGraph.change(thread.children.get("Call.execute"))).isEqualTo(DiffFlameGraph.SAME);
    assertThat(DiffFlameGraph.colour(thread.children.get("Injected.burnCpu"))).isEqualTo("rgb(235,35,35)");
    assertThat(DiffFlameGraph.colour(thread.children.get("Old.path"))).isEqualTo("rgb(35,35,235)");
  }

  @Test
  void thePageIsSelfContainedAndNamesEveryVisibleFrame() {
    String html = DiffFlameGraph.html("r<1>", row(BASE), row(CAND));
    assertThat(html).doesNotContain("<script").doesNotContain("src=").doesNotContain("href=")
        .contains("r&lt;1&gt;").contains("data-frame=\"Injected.burnCpu\" data-change=\"more\"")
        .contains("data-frame=\"Old.path\" data-change=\"less\"");
  }
}
