package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** run.json records the testbed and provenance that compare checks for like with like. */
class RunMetadataTest {
  @TempDir
  Path tmp;

  @Test
  void runJsonHoldsTestbedAndProvenance() throws Exception {
    RunMetadata.write(tmp, "r1", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"),
        List.of("-f", "5"), "built-in", 0, ForkJdk.of(ForkJdk.launcherJava()));
    JsonNode j = new ObjectMapper().readTree(tmp.resolve("run.json").toFile());
    assertThat(j.path("jmhVersion").asText()).isEqualTo("1.37");
    assertThat(j.path("jdk").asText()).isEqualTo(System.getProperty("java.version"));
    assertThat(j.path("forkJdk").path("version").asText()).isEqualTo(System.getProperty("java.version"));
    assertThat(j.path("forkJdk").path("path").asText()).isEqualTo(ForkJdk.launcherJava().toString());
    assertThat(j.path("forkJdk").path("vendor").asText()).isNotBlank();
    assertThat(j.path("launcherJdk").asText()).isEqualTo(System.getProperty("java.version"));
    assertThat(j.path("kernel").asText()).isEqualTo(System.getProperty("os.version"));
    assertThat(j.path("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(j.path("cpuModel").asText()).isNotEmpty();
    assertThat(j.has("netcallsVersion")).isTrue();
    // every client library's version found (none "?"), in the pom's versions
    assertThat(j.path("clients").asText()).matches("ahc \\d[^,?]*, hc5 \\d[^,?]*, jetty \\d[^,?]*, okhttp \\d[^,?]*");
    assertThat(j.path("clients").asText()).contains("okhttp " + okhttp3.OkHttp.VERSION);
    assertThat(j.path("testbed").asText()).isEqualTo(j.path("cpuModel").asText() + ", " + j.path("cores").asInt()
        + " cores, kernel " + j.path("kernel").asText() + ", JDK " + j.path("jdk").asText());
    boolean branchFromEnv = System.getenv("NETCALLS_BRANCH") != null || System.getenv("GITHUB_REF_NAME") != null;
    // from a git checkout all three are known together (the branch null when detached); outside one, all null
    if (j.path("gitCommit").isNull()) {
      assertThat(j.path("gitBranch").isNull()).isNotEqualTo(branchFromEnv);
      assertThat(j.path("gitDirty").isNull()).isTrue();
    } else {
      assertThat(j.path("gitCommit").asText()).matches("[0-9a-f]{7,}");
      assertThat(j.path("gitBranch").isNull() || !j.path("gitBranch").asText().isEmpty()).isTrue();
      assertThat(j.path("gitDirty").isBoolean()).isTrue();
    }
  }

  @Test
  void theForksJdkIsTheOneRecordedAndInTheTestbedNotTheLaunchers() throws Exception {
    // a JDK home of another version: its release file says what it is
    Path home = tmp.resolve("jdk-99");
    Files.createDirectories(home.resolve("bin"));
    Path java = Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
    java.toFile().setExecutable(true);
    Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Acme\"\nJAVA_VERSION=\"99.0.1\"\n");
    assertThat(ForkJdk.resolve(home.toString())).isEqualTo(java);
    RunMetadata.write(tmp, "r2", Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:01:00Z"),
        List.of(), "built-in", 0, ForkJdk.of(ForkJdk.resolve(home.toString())));
    JsonNode j = new ObjectMapper().readTree(tmp.resolve("run.json").toFile());
    assertThat(j.path("jdk").asText()).isEqualTo("99.0.1");
    assertThat(j.path("forkJdk").path("vendor").asText()).isEqualTo("Acme");
    assertThat(j.path("testbed").asText()).endsWith(", JDK 99.0.1");
    assertThat(j.path("launcherJdk").asText()).isEqualTo(System.getProperty("java.version"));
    assertThat(ForkJdk.of(java).feature()).isEqualTo(99);
    assertThat(new ForkJdk(java, "1.8.0_402", null).feature()).isEqualTo(8);
  }

  @Test
  void aJvmThatIsNoJavaIsRefusedWithWhatToGive() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ForkJdk.resolve(tmp.resolve("nowhere").toString()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("--jvm " + tmp.resolve("nowhere") + ": no executable java there: give a JDK's home");
  }

  @Test
  void branchComesFromTheEnvironmentBeforeGitAndNeverAsDetachedHead() {
    assertThat(RunMetadata.branch(java.util.Map.of("NETCALLS_BRANCH", "release-2", "GITHUB_REF_NAME", "main"), "wip"))
        .isEqualTo("release-2");
    assertThat(RunMetadata.branch(java.util.Map.of("GITHUB_REF_NAME", "main", "NETCALLS_BRANCH", " "), "HEAD"))
        .isEqualTo("main");
    assertThat(RunMetadata.branch(java.util.Map.of(), "feature/x")).isEqualTo("feature/x");
    assertThat(RunMetadata.branch(java.util.Map.of(), "HEAD")).isNull(); // detached: no branch to name
    assertThat(RunMetadata.branch(java.util.Map.of(), null)).isNull();
  }

  @Test
  void cpuModelIsTheFirstModelNameOfCpuinfo() throws Exception {
    Path cpuinfo = tmp.resolve("cpuinfo");
    Files.writeString(cpuinfo, "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel\t\t: 1\n"
        + "model name\t: AMD EPYC 7B13 64-Core Processor\n\nprocessor\t: 1\nmodel name\t: AMD EPYC 7B13 64-Core Processor\n");
    assertThat(RunMetadata.cpuModel(cpuinfo)).isEqualTo("AMD EPYC 7B13 64-Core Processor");
    // not Linux: the architecture at least
    assertThat(RunMetadata.cpuModel(tmp.resolve("none"))).isEqualTo(System.getProperty("os.arch"));
  }
}
