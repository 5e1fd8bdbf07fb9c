package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import netcalls.client.ClientKind;
import netcalls.client.Strategy;
import netcalls.client.jdk.JdkCapabilities;
import netcalls.run.SampleSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The doc tables that restate code are the code's: a stale one fails here, with the command that rewrites it. */
class DocTablesTest {

  @Test
  void everyGeneratedTableIsUpToDate() throws IOException {
    for (Map.Entry<String, Map<String, String>> f : DocTables.blocks().entrySet()) {
      String text = Files.readString(Path.of(f.getKey()));
      assertThat(DocTables.fill(text, f.getValue()))
          .as(f.getKey() + " is stale: run `java -jar target/benchmarks.jar docs` and commit it")
          .isEqualTo(text);
    }
  }

  @Test
  void theTablesSayWhatTheRuleSays() {
    String support = DocTables.support();
    assertThat(support.lines().filter(l -> l.startsWith("| `"))).hasSize(ClientKind.values().length);
    assertThat(support).contains("| `jdk` | yes | yes | left out | yes | yes | yes | left out |")
        .contains("- client=jdk strategy=shared_pool: " + JdkCapabilities.NO_SHARED_POOL)
        .contains("- every client, strategy=no_keepalive protocol=h2: ");
    assertThat(DocTables.http2Support()).contains("| `okhttp` | yes | yes |").contains("| `ahc` | **refused**: ");
    assertThat(DocTables.sampleColumns().lines().skip(2).map(l -> l.split("`")[1]))
        .containsExactlyElementsOf(SampleSchema.COLUMNS);
    assertThat(support).contains("`" + Strategy.values()[Strategy.values().length - 1] + "` |");
  }

  @Test
  void docsRewritesAStaleTableAndKeepsTheRest(@TempDir Path dir) throws IOException {
    for (String f : DocTables.blocks().keySet()) {
      Path copy = dir.resolve(f);
      Files.createDirectories(copy.getParent());
      String text = Files.readString(Path.of(f));
      String name = DocTables.blocks().get(f).keySet().iterator().next();
      int from = text.indexOf(DocTables.begin(name)) + DocTables.begin(name).length();
      Files.writeString(copy, text.substring(0, from) + "\n| stale |\n" + text.substring(text.indexOf(DocTables.end(name))));
    }
    assertThat(Main.run(new String[] {"docs", "--dir", dir.toString()})).isZero();
    for (String f : DocTables.blocks().keySet()) {
      assertThat(Files.readString(dir.resolve(f))).isEqualTo(Files.readString(Path.of(f)));
    }
  }

  @Test
  void aMissingMarkerIsNamed() {
    assertThatThrownBy(() -> DocTables.fill("no markers here\n", Map.of("support", "x")))
        .hasMessageContaining("generated:support");
  }
}
