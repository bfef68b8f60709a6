package org.wnverify.check.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.wnverify.check.Claim;
import org.wnverify.check.catalogue.ClaimCatalogue;

/** Shard assignment: a partition of the selection, the same wherever it is computed, and balanced. */
class ShardPlanTest {
  private static final List<String> CATALOGUE =
      ClaimCatalogue.standard().all().stream().map(Claim::id).map(Object::toString).toList();

  @Test
  void everyClaimRunsInExactlyOneShardForEveryShardCount() {
    for (int n = 1; n <= 9; n++) {
      ShardPlan plan = ShardPlan.of(CATALOGUE, n);
      List<String> union = new ArrayList<>();
      for (int k = 1; k <= n; k++) {
        union.addAll(plan.slice(CATALOGUE, Function.identity(), k));
      }
      assertThat(union).as("n = %d", n).hasSameSizeAs(CATALOGUE).containsExactlyInAnyOrderElementsOf(CATALOGUE);
    }
    assertThat(ShardPlan.of(CATALOGUE, 1).slice(CATALOGUE, Function.identity(), 1)).isEqualTo(CATALOGUE);
  }

  @Test
  void theAssignmentDependsOnlyOnTheSelectionAndTheShardCountNotOnOrder() {
    List<String> shuffled = new ArrayList<>(CATALOGUE);
    Collections.shuffle(shuffled, new java.util.Random(5));
    ShardPlan a = ShardPlan.of(CATALOGUE, 4);
    ShardPlan b = ShardPlan.of(shuffled, 4);
    for (String id : CATALOGUE) {
      assertThat(b.shardOf(id)).as(id).isEqualTo(a.shardOf(id));
    }
    // A slice keeps the order it was given (the run order, sorted by id).
    assertThat(a.slice(CATALOGUE, Function.identity(), 2)).isSorted();
  }

  @Test
  void longestFirstBalancesExpectedCost() {
    Map<String, Double> cost = Map.of("a", 10.0, "b", 6.0, "c", 5.0, "d", 4.0, "e", 1.0);
    ShardPlan plan = new ShardPlan(List.of("a", "b", "c", "d", "e"), 2, cost::get);
    // 10 + 1 against 6 + 5 + 4 would be worse; longest first gives {a, d} and {b, c, e}.
    assertThat(plan.slice(List.of("a", "b", "c", "d", "e"), Function.identity(), 1)).containsExactly("a", "d");
    assertThat(plan.expectedSeconds()).containsExactly(14.0, 12.0);

    // On the real catalogue no shard expects more than an even share plus the largest single claim.
    double total = CATALOGUE.stream().mapToDouble(ShardPlan::expectedSeconds).sum();
    double largest = CATALOGUE.stream().mapToDouble(ShardPlan::expectedSeconds).max().orElseThrow();
    for (int n = 2; n <= 8; n++) {
      for (double e : ShardPlan.of(CATALOGUE, n).expectedSeconds()) {
        assertThat(e).as("n = %d", n).isLessThanOrEqualTo(total / n + largest);
      }
    }
  }

  @Test
  void equalCostsSpreadEvenlyAndMoreShardsThanClaimsLeavesSomeEmpty() {
    List<String> ids = List.of("p", "q", "r", "s", "t", "u", "v");
    ShardPlan plan = new ShardPlan(ids, 3, id -> 1.0);
    List<Integer> sizes = new ArrayList<>();
    for (int k = 1; k <= 3; k++) {
      sizes.add(plan.slice(ids, Function.identity(), k).size());
    }
    assertThat(sizes).containsExactly(3, 2, 2);
    ShardPlan wide = new ShardPlan(List.of("x", "y"), 4, id -> 1.0);
    assertThat(wide.slice(List.of("x", "y"), Function.identity(), 4)).isEmpty();
  }

  @Test
  void unknownClaimsCountAsTheMedianAndTheTableCoversMostOfTheCatalogue() {
    double unknown = ShardPlan.expectedSeconds("chou/lemma-99.9");
    assertThat(unknown).isPositive().isFinite();
    long known = CATALOGUE.stream().filter(id -> ShardPlan.expectedSeconds(id) != unknown).count();
    assertThat(known).isGreaterThan(CATALOGUE.size() / 2);
  }

  @Test
  void shardSpecsAreParsedStrictly() {
    assertThat(Shard.parse("2/4", 10)).isEqualTo(new Shard(2, 4, 10));
    assertThat(Shard.parse(" 1/1 ", 0).toString()).isEqualTo("1/1");
    for (String bad : List.of("0/4", "5/4", "2", "2/0", "a/b", "-1/3", "2/4/6", "")) {
      assertThatThrownBy(() -> Shard.parse(bad, 10)).as(bad).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("--shard");
    }
    assertThatThrownBy(() -> new ShardPlan(List.of("a", "a"), 2, id -> 1.0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ShardPlan.of(List.of("a"), 2).slice(List.of("a"), Function.identity(), 3))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
