package netcalls.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import netcalls.compare.RunBuilder;
import netcalls.run.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --profile}'s bad input, each stopped with one line before any fork: a kind that is not one, a platform
 * without a bundled library, a profile folder that cannot be written; and compare's refusal of profiled against
 * unprofiled runs.
 */
class ProfilingTest {
  @TempDir
  Path tmp;

  @Test
  void anUnknownKindIsNamedWithTheKinds() {
    assertThatThrownBy(() -> Profiling.kinds("heap")).hasMessage(
        "--profile heap is not a kind of profile: use cpu, alloc, wall or lock");
    assertThat(Profiling.kinds("alloc")).containsExactly(Profiling.Kind.alloc);
    assertThatThrownBy(() -> Profiling.kinds("cpu,heap")).hasMessage(
        "--profile cpu,heap: heap is not a kind of profile: use cpu, alloc, wall or lock, comma-separated");
  }

  @Test
  void severalKindsRecordTogetherIntoJfrTheTimerFirst() {
    assertThat(Profiling.kinds("alloc,cpu,alloc")).containsExactly(Profiling.Kind.cpu, Profiling.Kind.alloc);
    assertThatThrownBy(() -> Profiling.kinds("cpu,wall")).hasMessage("--profile cpu,wall: cpu and wall together are"
        + " refused (async-profiler samples one timer at a time): run once with each");
    Profiling.Plan plan = new Profiling.Plan(Profiling.kinds("lock,cpu,alloc"), "ctimer", Path.of("/l.so"),
        Path.of("/p"));
    assertThat(plan.jmhOptions()).isEqualTo("libPath=/l.so;output=jfr;dir=/p;event=ctimer;interval=10000000;"
        + "lock=0;alloc=131072");
    assertThat(plan.names()).isEqualTo("cpu,lock,alloc");
    assertThat(new Profiling.Plan(List.of(Profiling.Kind.alloc), "alloc", Path.of("/l.so"), Path.of("/p"))
        .jmhOptions()).isEqualTo("libPath=/l.so;output=flamegraph,collapsed;dir=/p;event=alloc;interval=131072");
    assertThat(Profiling.intervals(Profiling.kinds("cpu,alloc,lock"))).containsExactly(
        java.util.Map.entry("cpu", 10_000_000L), java.util.Map.entry("alloc", 131_072L));
  }

  @Test
  void aPlatformWithoutALibraryIsNamed() {
    assertThat(Profiling.platform("Linux", "amd64")).isEqualTo("linux-x64");
    assertThat(Profiling.platform("Linux", "aarch64")).isEqualTo("linux-arm64");
    assertThat(Profiling.platform("Mac OS X", "aarch64")).isEqualTo("macos");
    assertThatThrownBy(() -> Profiling.platform("Windows 11", "amd64")).hasMessage("--profile: async-profiler has"
        + " no library for Windows 11 amd64 (it has linux-x64, linux-arm64 and macOS): run without --profile, or on"
        + " one of those");
    assertThatThrownBy(() -> Profiling.platform("Linux", "riscv64")).hasMessageContaining("Linux riscv64");
  }

  @Test
  void anUnwritableProfileFolderIsNamedBeforeAnyFork() throws Exception {
    RunFolder run = RunFolder.of(tmp.resolve("run"));
    Files.createDirectories(run.dir());
    Files.writeString(run.profiles(), "a file where the folder should be");
    assertThatThrownBy(() -> Profiling.prepare("cpu", run)).hasMessageStartingWith(
        "--profile: cannot write the profile folder " + run.profiles()).hasMessageNotContaining("\n");
  }

  @Test
  void theLauncherRefusesABadKindBeforeMakingTheRunFolder() {
    PrintStream saved = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(new String[] {"--results", tmp.toString(), "--run-id", "r", "--profile", "heap",
          "RequestLatency"})).isEqualTo(2);
    } finally {
      System.setErr(saved);
    }
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(
        "netcalls: --profile heap is not a kind of profile: use cpu, alloc, wall or lock\n");
    assertThat(tmp.resolve("r")).doesNotExist();
  }

  @Test
  void compareRefusesProfiledAgainstUnprofiled() throws Exception {
    Path plain = new RunBuilder(tmp.resolve("plain")).sample(RunBuilder.REQUEST, RunBuilder.OKHTTP, "us/op", 100).write();
    Path profiled = new RunBuilder(tmp.resolve("profiled")).sample(RunBuilder.REQUEST, RunBuilder.OKHTTP, "us/op", 100)
        .write();
    Path runJson = profiled.resolve("run.json");
    String json = Files.readString(runJson).strip();
    Files.writeString(runJson, json.substring(0, json.length() - 1)
        + ",\"profile\":{\"kind\":\"cpu\",\"event\":\"ctimer\",\"files\":[]}}");
    assertThat(CompareCommand.profiledAgainstUnprofiled(List.of(plain), List.of(profiled)))
        .contains(profiled + " was profiled").contains(plain + " was not");
    assertThat(CompareCommand.profiledAgainstUnprofiled(List.of(profiled), List.of(profiled))).isNull();
    assertThat(CompareCommand.profiledAgainstUnprofiled(List.of(plain), List.of(plain))).isNull();
    PrintStream saved = System.err;
    System.setErr(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    try {
      assertThat(Main.run(new String[] {"compare", plain.toString(), profiled.toString()})).isEqualTo(2);
    } finally {
      System.setErr(saved);
    }
  }
}
