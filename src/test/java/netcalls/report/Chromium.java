package netcalls.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's headless Chromium with networking disabled (a dead proxy for every address, loopback included, and
 * no name resolution): it opens a page from {@code file://}, lets its scripts run, and gives back the rendered
 * DOM or a screenshot, with the browser's log (console messages included) on stderr.
 */
final class Chromium {
  /** What the browser printed. */
  record Output(String stdout, String stderr) {
    /** The page's console messages (the browser logs them as {@code :CONSOLE(...)} lines). */
    List<String> console() {
      return stderr.lines().filter(l -> l.contains(":CONSOLE")).toList();
    }
  }

  private Chromium() {}

  static Path binary() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Path.of(dir, name);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    throw new AssertionError("no chromium on PATH: scripts/test.sh installs it (apt-get install -y chromium)");
  }

  /** The DOM after the page's scripts ran. */
  static Output dumpDom(Path page) throws IOException, InterruptedException {
    return run(page, "--dump-dom");
  }

  static Output screenshot(Path page, Path png, int width, int height) throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Output o = run(page, "--screenshot=" + png.toAbsolutePath(), "--window-size=" + width + "," + height,
        "--hide-scrollbars");
    assertThat(png).as(o.stderr()).exists();
    return o;
  }

  private static Output run(Path page, String... what) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory("netcalls-chromium");
    Path out = Files.createTempFile("chromium", ".out");
    Path err = Files.createTempFile("chromium", ".err");
    List<String> cmd = new ArrayList<>(List.of(binary().toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=" + profile,
        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", "--host-resolver-rules=MAP * ~NOTFOUND",
        "--enable-logging=stderr", "--v=0", "--virtual-time-budget=10000", "--window-size=1280,4000"));
    cmd.addAll(List.of(what));
    cmd.add(page.toAbsolutePath().toUri().toString());
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(3, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 3 minutes: " + Files.readString(err));
    }
    Output o = new Output(Files.readString(out), Files.readString(err));
    assertThat(p.exitValue()).as(o.stderr()).isZero();
    return o;
  }
}
