package netcalls.export.sink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A points file as the export writes one for run "r": {@code n} sample lines, then the completion marker. */
final class RunPoints {
  private RunPoints() {}

  static Path write(Path dir, int n) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append("netcalls_request,run=r,leg=none duration_ns=").append(i).append("i ").append(1795425663000000000L + i)
          .append('\n');
    }
    sb.append("netcalls_run,run=r start=\"2026-11-23T09:21:00Z\",points=").append(n).append("i 1795425660000000000\n");
    Path f = dir.resolve("points.lp");
    Files.writeString(f, sb.toString());
    return f;
  }
}
