package org.wnverify.check;

import java.util.Map;

/**
 * A concrete instance on which a printed statement fails.
 *
 * @param description which inequality or equation failed and by how much
 * @param instance the instance in the instance-file format (see README), replayable with
 *     {@code --instance}
 * @param savedTo the file it was written to, or null if it was not saved
 */
public record Counterexample(String description, Map<String, Object> instance, String savedTo) {
  public Counterexample withSavedTo(String path) {
    return new Counterexample(description, instance, path);
  }
}
