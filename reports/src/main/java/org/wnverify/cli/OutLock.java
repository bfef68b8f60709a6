package org.wnverify.cli;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a report directory for the length of a run: two runs writing report.json
 * and counterexamples/ into the same --out would interleave their files into a report neither
 * produced. The operating system releases the lock when the process dies, even by SIGKILL, so a
 * crashed run never leaves the directory locked.
 */
final class OutLock implements AutoCloseable {
  static final String FILE = ".wnverify.lock";

  private final FileChannel channel;
  private final FileLock lock;

  private OutLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock or fails with a usage error naming the run that holds it. */
  static OutLock acquire(Path dir) {
    Path file = dir.resolve(FILE);
    FileChannel ch = null;
    try {
      ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException sameProcess) {
        l = null;
      }
      if (l == null) {
        String holder = Files.readString(file, StandardCharsets.UTF_8).trim();
        ch.close();
        throw new UsageException("--out " + dir + ": another wnverify run is writing there"
            + (holder.isEmpty() ? "" : " (" + holder + ")") + "; wait for it or choose another --out");
      }
      ch.truncate(0);
      ch.write(java.nio.ByteBuffer.wrap(("pid " + ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)));
      ch.force(false);
      removeStaleTempFiles(dir);
      return new OutLock(ch, l);
    } catch (IOException e) {
      try {
        if (ch != null) {
          ch.close();
        }
      } catch (IOException ignored) {
        // nothing more to release
      }
      throw new UsageException("--out " + dir + ": cannot lock it (" + e.getMessage() + ")");
    }
  }

  /**
   * Deletes the temporary files (".NAME...tmp", see AtomicFiles) a killed run left half-written in
   * dir and its report subdirectories. Safe only under the lock: no other run is writing there.
   * A SIGKILL between creating a temporary file and moving it into place leaves one behind; the
   * report it was to replace is still the last complete one.
   */
  private static void removeStaleTempFiles(Path dir) {
    try (java.util.stream.Stream<Path> files = Files.walk(dir, 2)) {
      files.filter(f -> {
        String n = f.getFileName().toString();
        return n.startsWith(".") && n.endsWith(".tmp") && Files.isRegularFile(f);
      }).forEach(f -> {
        try {
          Files.deleteIfExists(f);
        } catch (IOException ignored) {
          // a file we cannot delete is left as it was; it is never read
        }
      });
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // listing failed: nothing is lost by leaving stale temporary files
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // released by the operating system at exit anyway
    }
  }
}
