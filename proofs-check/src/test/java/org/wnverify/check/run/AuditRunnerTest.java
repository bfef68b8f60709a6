package org.wnverify.check.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;

class AuditRunnerTest {
  private static final AuditSettings SETTINGS =
      new AuditSettings("audit", List.of(), 7, 3, 2, 60, null, "QUICK", "test");

  /** A claim whose check is a lambda. */
  record FakeClaim(ClaimId id, Function<CheckContext, ClaimOutcome> body) implements Claim {
    FakeClaim(String id, Function<CheckContext, ClaimOutcome> body) {
      this(ClaimId.parse(id), body);
    }

    @Override
    public String location() {
      return "test";
    }

    @Override
    public String statement() {
      return "test";
    }

    @Override
    public ClaimKind kind() {
      return ClaimKind.BOUND;
    }

    @Override
    public ClaimOutcome check(CheckContext c) {
      return body.apply(c);
    }
  }

  private static Function<CheckContext, ClaimOutcome> holdsWithControl(String idText, boolean controlRejected) {
    ClaimId id = ClaimId.parse(idText);
    return c -> ClaimOutcome.builder(id, c.seedFor(id))
        .verdict(Verdict.HOLDS, "fine")
        .evidence("first draw", c.random(id).nextDouble())
        .control(new NegativeControl("sign flipped", controlRejected ? Verdict.VIOLATED : Verdict.HOLDS, "d"))
        .build();
  }

  private static AuditReport run(int threads, double budget, List<Claim> claims) {
    return new AuditRunner(threads, budget).run(claims, CheckContext.of(7, 3), SETTINGS, new AuditListener() {});
  }

  @Test
  void exceptionInOneClaimMakesItInconclusiveAndOthersCarryOn() {
    List<Claim> claims = List.of(
        new FakeClaim("chou/lemma-3.2", c -> {
          throw new IllegalStateException("boom");
        }),
        new FakeClaim("chou/lemma-3.3", holdsWithControl("chou/lemma-3.3", true)));
    AuditReport r = run(2, 60, claims);
    assertThat(r.status()).isEqualTo(AuditReport.Status.COMPLETE);
    assertThat(r.outcomes()).extracting(ClaimOutcome::verdict).containsExactly(Verdict.INCONCLUSIVE, Verdict.HOLDS);
    assertThat(r.outcomes().get(0).summary()).contains("boom");
    assertThat(r.passed()).isFalse();
  }

  @Test
  void aPassWhoseNegativeControlSurvivesIsInconclusive() {
    AuditReport r = run(1, 60, List.of(
        new FakeClaim("chou/lemma-3.5", holdsWithControl("chou/lemma-3.5", false)),
        new FakeClaim("chou/lemma-3.6", c -> ClaimOutcome.builder(ClaimId.parse("chou/lemma-3.6"), 0)
            .verdict(Verdict.HOLDS, "no control").build())));
    assertThat(r.outcomes()).allSatisfy(o -> assertThat(o.verdict()).isEqualTo(Verdict.INCONCLUSIVE));
    assertThat(r.outcomes().get(0).summary()).contains("negative control not rejected");
    assertThat(r.outcomes().get(1).summary()).contains("no negative control");
  }

  @Test
  void anUndecidedControlDoesNotDemoteButCannotStandAlone() {
    ClaimId withRejected = ClaimId.parse("chou/lemma-3.7");
    ClaimId onlyUndecided = ClaimId.parse("chou/lemma-3.8");
    AuditReport r = run(1, 60, List.of(
        new FakeClaim("chou/lemma-3.7", c -> ClaimOutcome.builder(withRejected, 0).verdict(Verdict.HOLDS, "fine")
            .control(new NegativeControl("sign flipped", Verdict.VIOLATED, "d"))
            .control(new NegativeControl("hypothesis dropped", Verdict.INCONCLUSIVE, "no instance misses it"))
            .build()),
        new FakeClaim("chou/lemma-3.8", c -> ClaimOutcome.builder(onlyUndecided, 0).verdict(Verdict.HOLDS, "fine")
            .control(new NegativeControl("hypothesis dropped", Verdict.INCONCLUSIVE, "no instance misses it"))
            .build())));
    assertThat(r.outcomes()).extracting(ClaimOutcome::verdict).containsExactly(Verdict.HOLDS, Verdict.INCONCLUSIVE);
    assertThat(r.outcomes().get(1).summary()).contains("no negative control could be decided");
  }

  @Test
  void aClaimOverItsBudgetIsAbandonedAsInconclusive() {
    CountDownLatch never = new CountDownLatch(1);
    AuditReport r = run(2, 0.2, List.of(
        new FakeClaim("chou/lemma-3.10", c -> {
          try {
            never.await(); // ignores the deadline; only the watchdog can end it
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return ClaimOutcome.inconclusive(ClaimId.parse("chou/lemma-3.10"), 0, "woke up");
        }),
        new FakeClaim("chou/lemma-3.11", holdsWithControl("chou/lemma-3.11", true))));
    assertThat(r.outcomes()).hasSize(2);
    assertThat(r.outcomes().get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(r.outcomes().get(0).summary()).satisfiesAnyOf(
        s -> assertThat(s).contains("time budget"), s -> assertThat(s).contains("woke up"));
    assertThat(r.outcomes().get(1).verdict()).isEqualTo(Verdict.HOLDS);
  }

  @Test
  void resultsDoNotDependOnThreadCountOrOrder() {
    List<Claim> claims = new ArrayList<>();
    for (int k = 1; k <= 12; k++) {
      String id = "wu/lemma-" + k;
      claims.add(new FakeClaim(id, holdsWithControl(id, true)));
    }
    AuditReport one = run(1, 60, claims);
    List<Claim> reversed = new ArrayList<>(claims);
    java.util.Collections.reverse(reversed);
    AuditReport four = run(4, 60, reversed);
    assertThat(strip(four)).isEqualTo(strip(one));
  }

  private static List<String> strip(AuditReport r) {
    return r.outcomes().stream().map(o -> o.id() + " " + o.verdict() + " " + o.evidence()).toList();
  }

  @Test
  void abortRecordsUnfinishedClaimsAndTellsTheListener() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    List<AuditReport> finals = new ArrayList<>();
    AuditRunner runner = new AuditRunner(1, 60);
    List<Claim> claims = List.of(
        new FakeClaim("ewn/theorem-1", c -> {
          started.countDown();
          while (true) {
            c.checkpoint();
            Thread.onSpinWait();
          }
        }),
        new FakeClaim("ewn/theorem-2", holdsWithControl("ewn/theorem-2", true)));
    Thread t = new Thread(() -> runner.run(claims, CheckContext.of(1, 1), SETTINGS, new AuditListener() {
      @Override
      public void auditFinished(AuditReport report) {
        finals.add(report);
      }
    }));
    t.start();
    started.await();
    AuditReport r = runner.abort("interrupted by a signal");
    t.join(10_000);
    assertThat(r.status()).isEqualTo(AuditReport.Status.INTERRUPTED);
    assertThat(r.outcomes()).hasSize(2).allSatisfy(o -> assertThat(o.verdict()).isEqualTo(Verdict.INCONCLUSIVE));
    assertThat(finals).hasSize(1);
  }
}
