package org.wnverify.check.run;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Splits a selection of claims into N shards for {@code audit --shard K/N}, deterministically: the
 * assignment depends only on the selected ids, N and the cost table shipped with this version, so
 * every shard, and the merge, compute the same plan without talking to each other. Which shard a
 * claim runs in changes nothing in its outcome (its random stream depends only on the run seed and
 * its id, see {@code CheckContext.seedFor}).
 *
 * <p>Claims are balanced by expected cost with the longest-first greedy rule (each claim, most
 * expensive first, goes to the shard with the least expected work so far; ties by id and shard
 * index), so that one slow experiment does not end up beside ten others. Expected costs are the
 * seconds each claim took in a default audit ({@code claim-costs.tsv}); a claim missing from the
 * table (added since) counts as the table's median, which keeps the plan balanced enough and
 * still deterministic.
 */
public final class ShardPlan {
  private static final String COSTS_RESOURCE = "claim-costs.tsv";
  private static final Map<String, Double> STANDARD_COSTS = readCosts();
  /** Cost of a claim the table does not know: the median of the table. */
  private static final double UNKNOWN_COST = median(STANDARD_COSTS.values());

  private final int count;
  private final Map<String, Integer> shardOf = new LinkedHashMap<>();
  private final double[] expectedSeconds;

  /** The plan for the selection {@code ids} (any order) with this version's cost table. */
  public static ShardPlan of(List<String> ids, int count) {
    return new ShardPlan(ids, count, ShardPlan::expectedSeconds);
  }

  /** The plan with another cost model (tests). */
  public ShardPlan(List<String> ids, int count, ToDoubleFunction<String> cost) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be >= 1, got " + count);
    }
    if (ids.stream().distinct().count() != ids.size()) {
      throw new IllegalArgumentException("claim ids in a selection must be distinct: " + ids);
    }
    this.count = count;
    this.expectedSeconds = new double[count];
    int[] claims = new int[count];
    List<String> order = new ArrayList<>(ids);
    Map<String, Double> costs = new HashMap<>();
    for (String id : ids) {
      double c = cost.applyAsDouble(id);
      costs.put(id, Double.isFinite(c) && c > 0 ? c : 0.0);
    }
    order.sort(Comparator.comparingDouble((String id) -> costs.get(id)).reversed().thenComparing(Comparator.naturalOrder()));
    for (String id : order) {
      int best = 0;
      for (int s = 1; s < count; s++) {
        if (expectedSeconds[s] < expectedSeconds[best]
            || (expectedSeconds[s] == expectedSeconds[best] && claims[s] < claims[best])) {
          best = s;
        }
      }
      expectedSeconds[best] += costs.get(id);
      claims[best]++;
      shardOf.put(id, best + 1);
    }
  }

  public int count() {
    return count;
  }

  /** The 1-based shard that runs this claim. */
  public int shardOf(String id) {
    Integer s = shardOf.get(id);
    if (s == null) {
      throw new IllegalArgumentException(id + " is not in the selection");
    }
    return s;
  }

  /** The items of shard {@code index} (1-based), in their given order. */
  public <T> List<T> slice(List<T> items, Function<T, String> id, int index) {
    if (index < 1 || index > count) {
      throw new IllegalArgumentException("shard index must be between 1 and " + count + ", got " + index);
    }
    return items.stream().filter(t -> shardOf(id.apply(t)) == index).toList();
  }

  /** Expected seconds of each shard, index 0 for shard 1 (shown by {@code wnverify slurm}). */
  public double[] expectedSeconds() {
    return expectedSeconds.clone();
  }

  /** Expected seconds of one claim in a default audit; the table's median for an unknown claim. */
  public static double expectedSeconds(String id) {
    return STANDARD_COSTS.getOrDefault(id, UNKNOWN_COST);
  }

  private static Map<String, Double> readCosts() {
    Map<String, Double> m = new HashMap<>();
    try (InputStream in = ShardPlan.class.getResourceAsStream(COSTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + COSTS_RESOURCE + " is missing from the build");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        if (f.length != 2) {
          throw new IllegalStateException(COSTS_RESOURCE + " line " + n + ": expected 'id<TAB>seconds', got '" + line + "'");
        }
        m.put(f[0], Double.parseDouble(f[1]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Collections.unmodifiableMap(m);
  }

  private static double median(java.util.Collection<Double> values) {
    if (values.isEmpty()) {
      return 1.0;
    }
    double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  @Override
  public String toString() {
    return "ShardPlan" + Arrays.toString(expectedSeconds);
  }
}
