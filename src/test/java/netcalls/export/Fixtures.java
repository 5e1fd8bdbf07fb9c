package netcalls.export;

import netcalls.export.line.*;
import netcalls.read.*;
import netcalls.export.sink.*;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Copies fixture run folders (src/test/resources/runs) to a temp folder, where the export may write. */
public final class Fixtures {
  private Fixtures() {}

  public static Path copyRun(String name, Path into) {
    try {
      Path src = Path.of(Fixtures.class.getResource("/runs/" + name).toURI());
      Path dst = into.resolve(name);
      try (Stream<Path> files = Files.walk(src)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Path t = dst.resolve(src.relativize(p).toString());
          if (Files.isDirectory(p)) {
            Files.createDirectories(t);
          } else {
            Files.copy(p, t);
          }
        }
      }
      return dst;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> linesOf(Path file, InfluxMeasurement m) {
    return lines(file).stream().filter(l -> LineProtocol.measurementOf(l).equals(m.measurementName())).toList();
  }

  public static void write(Path file, String content) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the basic fixture run into {@code tmp}, exports it and returns its points.lp. */
  public static Path exportedBasicRun(Path tmp) throws java.io.IOException {
    Path run = copyRun("basic", tmp);
    RunExporter.quiet().exportToFile(run, run.resolve("points.lp"));
    return run.resolve("points.lp");
  }
}
