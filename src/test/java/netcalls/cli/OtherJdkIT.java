package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code --jvm} runs the forks on another JDK, and the run says so: one tiny trial on the machine's Temurin 25 (the
 * suite builds on 17). The JDK client with a new client per call, whose close differs most between JDKs (a no-op on
 * 17, a wait for its threads on 21+), so the same run shows the close phase measured on the other JDK.
 */
class OtherJdkIT {
  static final Path JDK_25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");

  @Test
  void aRunWithJvmRecordsTheForksJdkInRunJsonTheTestbedAndTheReport() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(JDK_25.resolve("bin/java")),
        "no JDK 25 at " + JDK_25 + ": the run on another JDK is skipped");
    SharedRun.Run run = SharedRun.run("jdk25", "--jvm", JDK_25.toString(), "--warmup-cap-ms", "200", "--no-export",
        "-f", "1", "-wi", "0", "-i", "1", "-r", "100ms",
        "-p", "client=jdk", "-p", "strategy=new_client", "-p", "scheme=http", "RequestLatency");
    assertThat(run.exit()).as(run.output()).isZero();

    JsonNode json = new ObjectMapper().readTree(run.dir().resolve("run.json").toFile());
    assertThat(json.path("jdk").asText()).startsWith("25.");
    assertThat(json.path("forkJdk").path("version").asText()).startsWith("25.");
    assertThat(json.path("forkJdk").path("vendor").asText()).isEqualTo("Eclipse Adoptium");
    assertThat(json.path("forkJdk").path("path").asText()).isEqualTo(JDK_25.resolve("bin/java").toString());
    assertThat(json.path("testbed").asText()).endsWith(", JDK " + json.path("jdk").asText());
    assertThat(json.path("launcherJdk").asText()).isEqualTo(System.getProperty("java.version"));
    // JMH's own record of the fork agrees: it ran on 25
    JsonNode jmh = new ObjectMapper().readTree(run.dir().resolve("jmh.json").toFile());
    assertThat(jmh.get(0).path("jdkVersion").asText()).startsWith("25");
    assertThat(Files.readString(run.dir().resolve("report.html"))).contains("\"forkJdk\":\"25.");
    // every new_client sample holds its close as a phase, inside its duration
    try (var files = Files.list(run.dir().resolve("samples"))) {
      Path csv = files.filter(p -> p.toString().endsWith(".csv")).findFirst().orElseThrow();
      java.util.List<String> lines = Files.readAllLines(csv);
      java.util.List<String> header = java.util.List.of(lines.get(0).split(",", -1));
      int close = header.indexOf("close_ns");
      int duration = header.indexOf("duration_ns");
      assertThat(lines).hasSizeGreaterThan(1);
      for (String line : lines.subList(1, lines.size())) {
        String[] c = line.split(",", -1);
        assertThat(c[close]).as("close_ns of %s", line).isNotEmpty();
        assertThat(Long.parseLong(c[close])).isBetween(0L, Long.parseLong(c[duration]));
      }
    }
    assertThat(Files.readString(run.dir().resolve("summary.txt"))).contains(" close ");
  }
}
