package netcalls.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code docs}: rewrites the generated doc tables (README.md, docs/HTTP2.md, docs/SAMPLES.md) from the code. */
@Command(name = "docs", mixinStandardHelpOptions = true,
    description = "Rewrite the doc tables that restate code (support tables, sample columns) between their markers.")
final class DocsCommand implements Callable<Integer> {
  @Option(names = "--dir", description = "the project folder (default: the current one)")
  Path dir = Path.of(".");

  @Override
  public Integer call() throws Exception {
    for (Map.Entry<String, Map<String, String>> f : DocTables.blocks().entrySet()) {
      Path file = dir.resolve(f.getKey());
      if (!Files.isRegularFile(file)) {
        System.err.println("netcalls: " + file + " not found: run docs from the project folder or give --dir");
        return 2;
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      String filled;
      try {
        filled = DocTables.fill(text, f.getValue());
      } catch (IllegalArgumentException e) {
        System.err.println("netcalls: " + file + ": " + e.getMessage());
        return 2;
      }
      if (!filled.equals(text)) {
        Files.writeString(file, filled, StandardCharsets.UTF_8);
        System.out.println("docs: rewrote " + f.getKey());
      }
    }
    return 0;
  }
}
