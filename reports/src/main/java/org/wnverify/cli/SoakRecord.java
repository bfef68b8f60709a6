package org.wnverify.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.wnverify.check.Verdict;

/**
 * Reads back a soak's soak.json so that {@code soak --resume} continues it. The record must be of
 * the same soak (first seed, samples, claim set); anything else is refused with one line, since
 * tallies of two different soaks added together would mean nothing.
 */
final class SoakRecord {
  private SoakRecord() {}

  /** Loads the tallies into counts / failing (keyed by the selected claims) and returns the seeds done. */
  static int resume(Path json, long firstSeed, int samples, Map<String, Map<Verdict, Integer>> counts,
      Map<String, List<String>> failing) {
    if (!Files.isRegularFile(json)) {
      throw new UsageException("--resume: no soak record " + json + " (start the soak without --resume)");
    }
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(json.toFile());
    } catch (IOException e) {
      throw new UsageException("--resume: " + json + " is not a soak record: " + e.getMessage());
    }
    if (root == null || !root.path("seeds").isInt() || !root.path("claims").isObject()) {
      throw new UsageException("--resume: " + json + " is not a soak record (no 'seeds' or 'claims')");
    }
    if (root.path("firstSeed").asLong() != firstSeed || root.path("samples").asInt() != samples) {
      throw new UsageException(String.format("--resume: %s is a soak from seed %d at %d sample(s), not from seed %d at %d",
          json, root.path("firstSeed").asLong(), root.path("samples").asInt(), firstSeed, samples));
    }
    TreeSet<String> recorded = new TreeSet<>();
    root.path("claims").fieldNames().forEachRemaining(recorded::add);
    if (!recorded.equals(counts.keySet())) {
      TreeSet<String> missing = new TreeSet<>(counts.keySet());
      missing.removeAll(recorded);
      TreeSet<String> extra = new TreeSet<>(recorded);
      extra.removeAll(counts.keySet());
      throw new UsageException("--resume: " + json + " covers other claims (not recorded: " + first(missing)
          + "; recorded but not selected: " + first(extra) + "); resume with the same --only");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = root.path("claims").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      for (Verdict v : Verdict.values()) {
        int n = e.getValue().path(v.name()).asInt(0);
        if (n > 0) {
          counts.get(e.getKey()).put(v, n);
        }
      }
      List<String> f = new ArrayList<>();
      e.getValue().path("failingSeeds").forEach(x -> f.add(x.asText()));
      failing.put(e.getKey(), f);
    }
    return root.path("seeds").asInt();
  }

  private static String first(TreeSet<String> s) {
    return s.isEmpty() ? "none" : s.size() <= 3 ? String.join(", ", s) : String.join(", ", s.headSet(
        new ArrayList<>(s).get(3))) + " and " + (s.size() - 3) + " more";
  }
}
