package netcalls.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * .github/workflows/nightly.yml cannot run here, so it is parsed and checked: its triggers, the JDK,
 * that every repository script it calls exists and is executable, that the comparison reaches the
 * job summary and the nightly folder the artifact, also when the gate fails.
 */
class WorkflowTest {
  private static final Path WORKFLOW = Path.of(".github/workflows/nightly.yml");
  private static final Pattern SCRIPT = Pattern.compile("(?<![\\w/.-])(scripts/[\\w./-]+)");

  private static JsonNode workflow;
  private static List<JsonNode> steps;

  @BeforeAll
  static void parse() throws IOException {
    workflow = new ObjectMapper(new YAMLFactory()).readTree(WORKFLOW.toFile());
    steps = new ArrayList<>();
    workflow.path("jobs").forEach(job -> job.path("steps").forEach(steps::add));
  }

  @Test
  void runsNightlyOnAScheduleAndByHandWithBothRevisionsAsInputs() {
    JsonNode on = workflow.path("on");
    JsonNode cron = on.path("schedule").path(0).path("cron");
    assertThat(cron.asText()).matches("\\S+ \\S+ \\S+ \\S+ \\S+"); // five cron fields
    JsonNode inputs = on.path("workflow_dispatch").path("inputs");
    assertThat(inputs.has("baseline")).isTrue();
    assertThat(inputs.has("candidate")).isTrue();
  }

  @Test
  void setsUpJdk17WithTheMavenCacheAndTheWholeHistory() {
    JsonNode java = step("actions/setup-java@");
    assertThat(java.path("with").path("java-version").asText()).isEqualTo("17");
    assertThat(java.path("with").path("distribution").asText()).isEqualTo("temurin");
    assertThat(java.path("with").path("cache").asText()).isEqualTo("maven");
    assertThat(step("actions/checkout@").path("with").path("fetch-depth").asInt(-1)).isZero();
  }

  @Test
  void everyActionIsPinnedToAMajorVersion() {
    List<String> uses = steps.stream().filter(s -> s.has("uses")).map(s -> s.get("uses").asText()).toList();
    assertThat(uses).isNotEmpty().allMatch(u -> u.matches("[\\w-]+/[\\w/-]+@v\\d+"), "pinned as owner/action@vN");
  }

  @Test
  void everyRepositoryScriptItRunsExistsAndIsExecutable() {
    List<String> scripts = new ArrayList<>();
    for (JsonNode step : steps) {
      Matcher m = SCRIPT.matcher(step.path("run").asText());
      while (m.find()) {
        scripts.add(m.group(1));
      }
    }
    assertThat(scripts).contains("scripts/nightly.sh");
    for (String script : scripts) {
      assertThat(Path.of(script)).as(script).isRegularFile();
      assertThat(Files.isExecutable(Path.of(script))).as(script + " is executable").isTrue();
    }
  }

  @Test
  void theJobFailsWithTheScriptsExitCode() {
    JsonNode nightly = runStep("scripts/nightly.sh");
    assertThat(nightly.has("continue-on-error")).as("a regression must fail the job").isFalse();
    assertThat(nightly.has("if")).isFalse();
    String run = nightly.get("run").asText().strip();
    // the script is the step's last command, so its exit code is the step's (bash -e stops at any other failure)
    assertThat(run.substring(run.lastIndexOf('\n') + 1)).startsWith("scripts/nightly.sh ");
  }

  @Test
  void theSummaryReadsTheCompareMdTheScriptWritesEvenOnARegression() throws IOException {
    String out = outArgument(runStep("scripts/nightly.sh").get("run").asText());
    JsonNode summary = runStep("GITHUB_STEP_SUMMARY");

    assertThat(summary.path("if").asText()).isEqualTo("always()");
    assertThat(summary.get("run").asText())
        .contains("cat \"" + out + "/compare.md\" >> \"$GITHUB_STEP_SUMMARY\"");
    // and the script writes compare.md into its --out folder
    assertThat(Files.readString(Path.of("scripts/nightly.sh"))).contains("> \"$OUT/compare.md\"");
  }

  @Test
  void theArtifactIsTheNightlyFolderUploadedEvenOnARegression() {
    JsonNode upload = step("actions/upload-artifact@");
    String out = outArgument(runStep("scripts/nightly.sh").get("run").asText());

    assertThat(upload.path("if").asText()).isEqualTo("always()");
    // $NIGHTLY_OUT in a shell is ${{ env.NIGHTLY_OUT }} in an action's inputs
    assertThat(upload.path("with").path("path").asText())
        .isEqualTo(out.replaceFirst("^\\$(\\w+)$", "\\${{ env.$1 }}"));
  }

  @Test
  void theHistoryIsRestoredBeforeTheScriptAndSavedAfterItEvenWhenItFails() {
    JsonNode restore = step("actions/cache/restore@");
    JsonNode save = step("actions/cache/save@");
    String history = restore.path("with").path("path").asText();
    String key = restore.path("with").path("key").asText();

    assertThat(restore.path("with").path("restore-keys").asText()).isNotEmpty();
    assertThat(key).startsWith(restore.path("with").path("restore-keys").asText());
    assertThat(save.path("with").path("path").asText()).isEqualTo(history);
    assertThat(save.path("with").path("key").asText()).isEqualTo(key);
    assertThat(save.path("if").asText()).startsWith("always()");
    assertThat(workflow.path("jobs").path("nightly").path("env").path("NIGHTLY_HISTORY").asText()).isEqualTo(history);
    assertThat(runStep("scripts/nightly.sh").get("run").asText()).contains("--history \"$NIGHTLY_HISTORY\"");
    assertThat(steps.indexOf(restore)).isLessThan(steps.indexOf(runStep("scripts/nightly.sh")));
    assertThat(steps.indexOf(save)).isGreaterThan(steps.indexOf(runStep("scripts/nightly.sh")));
  }

  private static JsonNode step(String usesPrefix) {
    return steps.stream().filter(s -> s.path("uses").asText().startsWith(usesPrefix)).findFirst()
        .orElseThrow(() -> new AssertionError("no step uses " + usesPrefix));
  }

  private static JsonNode runStep(String containing) {
    return steps.stream().filter(s -> s.path("run").asText().contains(containing)).findFirst()
        .orElseThrow(() -> new AssertionError("no run step mentions " + containing));
  }

  /** The value the nightly step gives to --out, e.g. $NIGHTLY_OUT. */
  private static String outArgument(String run) {
    Matcher m = Pattern.compile("--out \"?(\\$?[\\w./-]+)\"?").matcher(run);
    assertThat(m.find()).as("the nightly step passes --out").isTrue();
    return m.group(1);
  }
}
