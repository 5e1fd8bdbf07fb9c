package netcalls.cli;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;
import netcalls.run.RunFolder;

/** {@code --replace}: an older run folder of the same id, deleted before the run, and nothing that is not one. */
final class ExistingRun {
  private ExistingRun() {}

  /**
   * Deletes {@code folder} when it is a folder (not a link) that is empty or holds a run (run.json, jmh.json or
   * samples/); anything else is refused, so a mistyped --results never costs a folder of other files.
   */
  static void delete(RunFolder folder) {
    Path dir = folder.dir();
    if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalArgumentException("--replace: " + dir + " is not a run folder (a file or a link): remove it"
          + " yourself or choose another --run-id");
    }
    if (!looksLikeRun(folder)) {
      throw new IllegalArgumentException("--replace: " + dir + " holds no run (no run.json, jmh.json or samples/),"
          + " so it is not deleted: choose another --run-id");
    }
    try {
      Files.walkFileTree(dir, new SimpleFileVisitor<>() {
        @Override
        public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
          Files.delete(file);
          return FileVisitResult.CONTINUE;
        }

        @Override
        public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
          if (e != null) {
            throw e;
          }
          Files.delete(d);
          return FileVisitResult.CONTINUE;
        }
      });
    } catch (IOException e) {
      throw new IllegalArgumentException("--replace: could not delete " + dir + " (" + e.getMessage()
          + "): delete it yourself or choose another --run-id");
    }
  }

  private static boolean looksLikeRun(RunFolder folder) {
    try (Stream<Path> files = Files.list(folder.dir())) {
      if (files.findAny().isEmpty()) {
        return true;
      }
    } catch (IOException e) {
      return false;
    }
    return Files.exists(folder.runJson(), LinkOption.NOFOLLOW_LINKS)
        || Files.exists(folder.jmhJson(), LinkOption.NOFOLLOW_LINKS)
        || Files.exists(folder.samples(), LinkOption.NOFOLLOW_LINKS);
  }
}
