package netcalls.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import netcalls.client.ClientKind;
import netcalls.client.Combinations;
import netcalls.client.Protocol;
import netcalls.client.Strategy;
import netcalls.run.SampleSchema;

/**
 * The doc tables that restate code, written from the enums, {@link Combinations} and
 * {@link SampleSchema} so they are never typed twice. Each lives between two markers in its file;
 * {@code java -jar target/benchmarks.jar docs} rewrites them and a test fails when one is stale.
 * Pure: text in, text out.
 */
final class DocTables {
  private DocTables() {}

  /** file (relative to the project) → block name → the block's text. */
  static Map<String, Map<String, String>> blocks() {
    Map<String, Map<String, String>> files = new LinkedHashMap<>();
    files.put("README.md", Map.of("support", support()));
    files.put("docs/HTTP2.md", Map.of("http2-support", http2Support()));
    files.put("docs/SAMPLES.md", Map.of("sample-columns", sampleColumns()));
    return files;
  }

  static String begin(String name) {
    return "<!-- generated:" + name + " by `java -jar target/benchmarks.jar docs`; edit the code, not this -->";
  }

  static String end(String name) {
    return "<!-- /generated:" + name + " -->";
  }

  /**
   * {@code text} with each named block's lines between its markers replaced.
   *
   * @throws IllegalArgumentException when a marker is missing
   */
  static String fill(String text, Map<String, String> blocks) {
    String out = text;
    for (Map.Entry<String, String> b : blocks.entrySet()) {
      String from = begin(b.getKey());
      String to = end(b.getKey());
      int i = out.indexOf(from);
      int j = out.indexOf(to);
      if (i < 0 || j < i) {
        throw new IllegalArgumentException("no markers " + from + " ... " + to + ": put them where the table goes");
      }
      out = out.substring(0, i + from.length()) + "\n" + b.getValue() + out.substring(j);
    }
    return out;
  }

  /** Client × strategy and client × protocol, then every reason, as the launcher words it. */
  static String support() {
    StringBuilder t = new StringBuilder("| client |");
    List<String> line = new ArrayList<>();
    for (Strategy s : Strategy.values()) {
      t.append(" `").append(s).append("` |");
    }
    for (Protocol p : Protocol.values()) {
      t.append(" `").append(p).append("` |");
    }
    t.append("\n|---|").append("---|".repeat(Strategy.values().length + Protocol.values().length)).append('\n');
    for (ClientKind c : ClientKind.values()) {
      t.append("| `").append(c).append("` |");
      for (Strategy s : Strategy.values()) {
        t.append(cell(Combinations.of(c, s), line));
      }
      for (Protocol p : Protocol.values()) {
        t.append(cell(Combinations.of(c, p), line));
      }
      t.append('\n');
    }
    for (Protocol p : Protocol.values()) {
      for (Strategy s : Strategy.values()) {
        Combinations.Refusal no = Combinations.of(s, p);
        if (no != null) {
          line.add("every client, " + no.subject() + ": " + no.why());
        }
      }
    }
    t.append('\n');
    line.forEach(l -> t.append("- ").append(l).append('\n'));
    return t.toString();
  }

  /** Per client, whether it speaks each HTTP/2 protocol, and why not. */
  static String http2Support() {
    StringBuilder t = new StringBuilder("| client |");
    List<Protocol> http2 = new ArrayList<>();
    for (Protocol p : Protocol.values()) {
      if (p.isHttp2()) {
        http2.add(p);
        t.append(" `").append(p).append("` |");
      }
    }
    t.append("\n|---|").append("---|".repeat(http2.size())).append('\n');
    for (ClientKind c : ClientKind.values()) {
      t.append("| `").append(c).append("` |");
      for (Protocol p : http2) {
        Combinations.Refusal no = Combinations.of(c, p);
        t.append(no == null ? " yes |" : " **refused**: " + no.why() + " |");
      }
      t.append('\n');
    }
    return t.toString();
  }

  /** docs/SAMPLES.md's column table, from {@link SampleSchema#DESCRIBED}. */
  static String sampleColumns() {
    StringBuilder t = new StringBuilder("| column | type | meaning |\n|---|---|---|\n");
    for (SampleSchema.Column c : SampleSchema.DESCRIBED) {
      t.append("| `").append(c.name()).append("` | ").append(c.type()).append(" | ").append(c.meaning()).append(" |\n");
    }
    return t.toString();
  }

  private static String cell(Combinations.Refusal no, List<String> reasons) {
    if (no == null) {
      return " yes |";
    }
    reasons.add(no.subject() + ": " + no.why());
    return " left out |";
  }
}
