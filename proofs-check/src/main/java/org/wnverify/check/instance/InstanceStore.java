package org.wnverify.check.instance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import org.wnverify.check.ClaimId;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * Where instances go: every sampled instance when {@code --save-instances DIR} is given, and
 * counterexamples always (into the report directory), so that a finding can be replayed with
 * {@code --instance}. Thread-safe: file names are unique per claim and label.
 */
public final class InstanceStore {
  private final Path samplesDir;
  private final Path counterexampleDir;

  public InstanceStore(Path samplesDir, Path counterexampleDir) {
    this.samplesDir = samplesDir;
    this.counterexampleDir = counterexampleDir;
  }

  /** A store that writes nothing. */
  public static InstanceStore none() {
    return new InstanceStore(null, null);
  }

  /** Saves a sampled instance if sample saving is on; returns the file written. */
  public Optional<Path> saveSample(ClaimId claim, String label, ProblemInstance instance) {
    return write(samplesDir, claim, label, instance);
  }

  /** Saves a counterexample if a report directory is set; returns the file written. */
  public Optional<Path> saveCounterexample(ClaimId claim, String label, ProblemInstance instance) {
    return write(counterexampleDir, claim, label, instance);
  }

  private static Optional<Path> write(Path dir, ClaimId claim, String label, ProblemInstance instance) {
    if (dir == null) {
      return Optional.empty();
    }
    String name = (claim.toString() + "-" + label).replaceAll("[^A-Za-z0-9.\\-]+", "_")
        .toLowerCase(Locale.ROOT) + ".json";
    Path file = dir.resolve(name);
    try {
      InstanceFiles.write(file, instance);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write instance " + file + ": " + e.getMessage(), e);
    }
    return Optional.of(file);
  }
}
