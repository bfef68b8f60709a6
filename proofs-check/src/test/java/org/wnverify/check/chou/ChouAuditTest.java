package org.wnverify.check.chou;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.check.instance.InstanceFiles;
import org.wnverify.check.instance.InstanceStore;
import org.wnverify.numeric.problem.DiagonalNetInstance;

/**
 * The Chou claims on seed 7 (5 samples): expected verdict, every negative control rejected, and for
 * every finding a saved counterexample that replays to the same verdict with {@code --instance}.
 */
class ChouAuditTest {
  private static final Map<String, Claim> CLAIMS =
      new ChouClaims().claims().stream().collect(Collectors.toMap(c -> c.id().toString(), c -> c));
  private static final Map<String, ClaimOutcome> OUTCOMES = new ConcurrentHashMap<>();

  @TempDir
  static Path reportDir;

  private static CheckContext seed7() {
    return new CheckContext(7, 5, null, new InstanceStore(null, reportDir), Long.MAX_VALUE, CheckContext.Profile.QUICK);
  }

  private static ClaimOutcome outcome(String id) {
    return OUTCOMES.computeIfAbsent(id, k -> CLAIMS.get(k).check(seed7()));
  }

  static Stream<String> holding() {
    return Stream.of("chou/theorem-2.1#limit-in-s-plus", "chou/theorem-2.1#error-bound-corrected",
        "chou/theorem-2.2#error-bound-corrected", "chou/theorem-2.3", "chou/theorem-2.4#limit-in-s-plus",
        "chou/theorem-2.4#error-bound-corrected", "chou/remark-kernel-probability#monte-carlo",
        "chou/remark-kernel-probability#lower-bound", "chou/lemma-3.1", "chou/lemma-3.6#corrected",
        "chou/lemma-3.9#corrected", "chou/lemma-3.10", "chou/lemma-3.11", "chou/lemma-3.12", "chou/lemma-3.19#corrected",
        "chou/corollary-3.15#along-trajectory", "chou/lemma-3.18#along-trajectory");
  }

  static Stream<String> findings() {
    return Stream.of("chou/theorem-2.1#error-bound", "chou/theorem-2.2#error-bound", "chou/theorem-2.2#loss-decay",
        "chou/theorem-2.2#limit-in-s-plus", "chou/theorem-2.4#error-bound", "chou/lemma-3.6", "chou/lemma-3.9",
        "chou/lemma-3.19");
  }

  /** The mutation suite (issue #9): how many wrong versions each claim's check is given, at least. */
  static final Map<String, Integer> CONTROLS = Map.ofEntries(
      Map.entry("chou/corollary-3.15#along-trajectory", 5), Map.entry("chou/lemma-3.18#along-trajectory", 5),
      Map.entry("chou/lemma-3.6", 4), Map.entry("chou/lemma-3.6#corrected", 4), Map.entry("chou/lemma-3.10", 2),
      Map.entry("chou/lemma-3.11", 2), Map.entry("chou/lemma-3.19", 3), Map.entry("chou/lemma-3.19#corrected", 4),
      Map.entry("chou/theorem-2.3", 3), Map.entry("chou/remark-kernel-probability#lower-bound", 4),
      Map.entry("chou/remark-kernel-probability#monte-carlo", 4), Map.entry("chou/theorem-2.1#limit-in-s-plus", 4),
      Map.entry("chou/theorem-2.2#limit-in-s-plus", 4), Map.entry("chou/theorem-2.2#loss-decay", 3),
      Map.entry("chou/theorem-2.4#limit-in-s-plus", 5), Map.entry("chou/lemma-3.1", 5), Map.entry("chou/lemma-3.8", 5),
      Map.entry("chou/lemma-3.9", 5), Map.entry("chou/lemma-3.9#corrected", 5), Map.entry("chou/lemma-3.12", 4),
      Map.entry("chou/theorem-2.1#error-bound", 4), Map.entry("chou/theorem-2.1#error-bound-corrected", 4),
      Map.entry("chou/theorem-2.2#error-bound", 4), Map.entry("chou/theorem-2.2#error-bound-corrected", 4),
      Map.entry("chou/theorem-2.4#error-bound", 4), Map.entry("chou/theorem-2.4#error-bound-corrected", 4),
      Map.entry("chou/theorem-2.2#rho-at-least-1", 4));

  /**
   * Mutations that only some instances can tell apart from the statement (a dropped hypothesis, or
   * a strengthening that fails only where the flow collapses): on a sample without such an
   * instance the check leaves them undecided (INCONCLUSIVE), which is not a survival.
   */
  static final List<String> SAMPLE_DEPENDENT = List.of("hypothesis dropped: (15)", "the limit is positive",
      "exponent of r dropped: (eta_r, eta_u) = (eta, 1)");

  static boolean rejectedOrUndecidable(NegativeControl c) {
    return c.rejected() || (c.verdict() == Verdict.INCONCLUSIVE
        && SAMPLE_DEPENDENT.stream().anyMatch(c.mutation()::startsWith));
  }

  static Stream<String> mutated() {
    return CONTROLS.keySet().stream().sorted();
  }

  @ParameterizedTest
  @MethodSource("mutated")
  void everyMutationOfTheSuiteIsRejected(String id) {
    ClaimOutcome o = outcome(id);
    assertThat(o.negativeControls()).as(id).hasSizeGreaterThanOrEqualTo(CONTROLS.get(id));
    assertThat(o.negativeControls()).as(id).allSatisfy(c -> assertThat(rejectedOrUndecidable(c)).as(c.mutation()
        + ": " + c.detail()).isTrue());
    assertThat(o.negativeControls()).as(id).anyMatch(NegativeControl::rejected);
    assertThat(o.negativeControls().stream().map(NegativeControl::mutation).distinct().count()).as(id)
        .isEqualTo(o.negativeControls().size());
  }

  @Test
  void everyChouRowOfTheClaimIndexIsRegistered() {
    List<String> rows = List.of("chou/theorem-2.1", "chou/theorem-2.2", "chou/theorem-2.3", "chou/theorem-2.4",
        "chou/remark-kernel-probability", "chou/lemma-3.1", "chou/lemma-3.2", "chou/lemma-3.3", "chou/lemma-3.5",
        "chou/lemma-3.6", "chou/lemma-3.7", "chou/lemma-3.8", "chou/lemma-3.9", "chou/lemma-3.10", "chou/lemma-3.11",
        "chou/lemma-3.12", "chou/lemma-3.19");
    for (String row : rows) {
      assertThat(CLAIMS.values()).as(row).anyMatch(c -> c.id().parent().toString().equals(row));
    }
  }

  @ParameterizedTest
  @MethodSource("holding")
  void holdsWithAllControlsRejected(String id) {
    ClaimOutcome o = outcome(id);
    assertThat(o.verdict()).as(o.summary()).isEqualTo(Verdict.HOLDS);
    assertThat(o.negativeControls()).isNotEmpty().allMatch(NegativeControl::rejected);
  }

  @ParameterizedTest
  @MethodSource("findings")
  void findingIsViolatedWithSavedCounterexampleThatReplays(String id) throws Exception {
    ClaimOutcome o = outcome(id);
    assertThat(o.verdict()).as(o.summary()).isEqualTo(Verdict.VIOLATED);
    assertThat(o.negativeControls()).isNotEmpty().allMatch(ChouAuditTest::rejectedOrUndecidable)
        .anyMatch(NegativeControl::rejected);
    assertThat(o.counterexample()).isNotNull();
    assertThat(o.counterexample().savedTo()).isNotNull();
    Path saved = Path.of(o.counterexample().savedTo());
    assertThat(Files.exists(saved)).isTrue();
    DiagonalNetInstance replay = (DiagonalNetInstance) InstanceFiles.read(saved);
    CheckContext supplied = new CheckContext(7, 5, replay, InstanceStore.none(), Long.MAX_VALUE, CheckContext.Profile.QUICK);
    ClaimOutcome r = CLAIMS.get(id).check(supplied);
    assertThat(r.verdict()).as(r.summary()).isEqualTo(Verdict.VIOLATED);
  }

  @Test
  void shrunkCounterexamplesAreSmall() {
    for (String id : List.of("chou/theorem-2.2#loss-decay", "chou/lemma-3.6", "chou/lemma-3.19")) {
      @SuppressWarnings("unchecked")
      List<List<Double>> a = (List<List<Double>>) outcome(id).counterexample().instance().get("A");
      assertThat(a).as(id).hasSize(1);
      assertThat(a.get(0)).as(id).hasSize(2);
    }
  }

  @Test
  void correctedClaimsSitBesideThePrintedOnes() {
    for (String printed : List.of("chou/lemma-3.6", "chou/lemma-3.9", "chou/lemma-3.19")) {
      assertThat(CLAIMS).containsKey(printed + "#corrected");
    }
    for (String printed : List.of("chou/theorem-2.1#error-bound", "chou/theorem-2.2#error-bound",
        "chou/theorem-2.4#error-bound")) {
      assertThat(CLAIMS).containsKey(printed + "-corrected");
    }
  }

  @Test
  void suppliedInstanceMissingAHypothesisIsInconclusiveNamingIt() {
    DiagonalNetInstance depth3 = new DiagonalNetInstance(new double[][] {{1, -1}}, new double[] {1}, 3, 0.1,
        new double[] {0.6, 0.8}, 1.0);
    CheckContext ctx = new CheckContext(7, 5, depth3, InstanceStore.none(), Long.MAX_VALUE, CheckContext.Profile.QUICK);
    ClaimOutcome o = CLAIMS.get("chou/theorem-2.3").check(ctx);
    assertThat(o.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(o.summary()).contains("L = 2");

    DiagonalNetInstance face = new DiagonalNetInstance(new double[][] {{1, -2}}, new double[] {-1}, 2, 0.5,
        new double[] {1, 0}, 0.4);
    ClaimOutcome c = CLAIMS.get("chou/lemma-3.19#corrected")
        .check(new CheckContext(7, 5, face, InstanceStore.none(), Long.MAX_VALUE, CheckContext.Profile.QUICK));
    assertThat(c.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(c.summary()).contains("u0 > 0");
  }

  @Test
  void theBriefsCollapseExampleMeetsTheHypothesesAndCollapses() {
    DiagonalNetInstance p = new DiagonalNetInstance(new double[][] {{1, -1}}, new double[] {1}, 2, 0.1,
        new double[] {0.6, 0.8}, 1.0);
    CheckContext ctx = new CheckContext(7, 5, p, InstanceStore.none(), Long.MAX_VALUE, CheckContext.Profile.QUICK);
    assertThat(CLAIMS.get("chou/theorem-2.2#limit-in-s-plus").check(ctx).verdict()).isEqualTo(Verdict.VIOLATED);
    // under the (r^2, 1) rate of Theorem 2.4 the same instance converges to S+
    assertThat(FlowLimit.wn(p, org.wnverify.numeric.ode.LearningRate.R_SQUARED).converged()).isTrue();
  }

  @Test
  void findingsOfTheorem22PartOneOnEverySeed() {
    for (long seed = 1; seed <= 3; seed++) {
      ClaimOutcome o = CLAIMS.get("chou/theorem-2.2#loss-decay").check(CheckContext.of(seed, 1));
      assertThat(o.verdict()).as("seed " + seed).isEqualTo(Verdict.VIOLATED);
      assertThat(o.counterexample()).isNotNull();
    }
  }
}
