package netcalls.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One export at a time per output file: an OS lock on a hidden {@code .<file>.lock} beside it (released by the OS
 * when the process dies, so a killed export never blocks the next), holding the owner's pid for the message.
 */
final class OutputLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock of {@code out}; null when another export holds it ({@link #holder} says who). */
  static OutputLock tryAcquire(Path out) throws IOException {
    FileChannel ch = FileChannel.open(file(out), StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock l;
    try {
      l = ch.tryLock();
    } catch (OverlappingFileLockException e) {
      l = null; // held by this very process
    }
    if (l == null) {
      ch.close();
      return null;
    }
    ch.truncate(0);
    ch.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
    return new OutputLock(ch, l);
  }

  /** Who holds the lock of {@code out}, for the message: "process N" or "another process". */
  static String holder(Path out) {
    try {
      String pid = Files.readString(file(out), StandardCharsets.US_ASCII).trim();
      return pid.matches("\\d+") ? "process " + pid : "another process";
    } catch (IOException e) {
      return "another process";
    }
  }

  private static Path file(Path out) {
    return out.resolveSibling("." + out.getFileName() + ".lock");
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
