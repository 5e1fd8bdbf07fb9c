package netcalls.run;

import java.nio.file.Files;
import java.nio.file.Path;

/** A file option that a command will write, checked before any work: one line saying what is wrong, or null. */
public final class OutputFile {
  private OutputFile() {}

  /** Why {@code file} (given as {@code option}) cannot be written as a file, or null when it can be. */
  public static String problem(String option, Path file) {
    if (file.toString().isEmpty()) {
      return option + " \"\": give a file name";
    }
    if (Files.isDirectory(file)) {
      return option + " " + file + " is a folder: give a file name, e.g. " + file.resolve("server.pem");
    }
    Path parent = file.toAbsolutePath().normalize().getParent();
    if (parent == null || !Files.isDirectory(parent)) {
      return option + " " + file + ": the folder " + parent + " does not exist: create it or write elsewhere";
    }
    if (Files.exists(file) ? !Files.isWritable(file) : !Files.isWritable(parent)) {
      return option + " " + file + " cannot be written (permission denied): write elsewhere";
    }
    return null;
  }
}
