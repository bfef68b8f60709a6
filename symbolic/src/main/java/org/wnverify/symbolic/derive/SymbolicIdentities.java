package org.wnverify.symbolic.derive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.prove.IdentityProblem;
import org.wnverify.symbolic.prove.IdentityProof;
import org.wnverify.symbolic.prove.IdentityProver;

/**
 * Entry point of the symbolic audit: each method proves one identity of the papers over its
 * dimension cases, runs its negative controls, and caches the report on the engine (the audit
 * may ask many times; derivations run once). Cases run smallest first; a case whose Symja call
 * exceeds {@link #LARGE_CASE_BUDGET} is dropped and listed in {@link IdentityReport#skipped()}.
 */
public final class SymbolicIdentities {
  /** Seed of the random rational points; fixed so reports are reproducible. */
  public static final long SEED = 20240601L;

  /** Budget of one Symja call in the small cases (never expected to be reached). */
  static final Duration SMALL_CASE_BUDGET = Duration.ofSeconds(30);

  /** Budget of one Symja call in the largest cases (N or d = 4), which are dropped if slower. */
  static final Duration LARGE_CASE_BUDGET = Duration.ofSeconds(8);

  private SymbolicIdentities() {}

  /** chou/gradients: (22)-(24) for M = 1, 2 with N = 2, 3, and M = 1 with N = 4; L = 2, 3. */
  public static IdentityReport chouGradients(SymbolicEngine engine) {
    return engine.cached("derive/chou/gradients", () -> {
      CaseRunner cases = new CaseRunner(prover(engine, false));
      CaseRunner large = new CaseRunner(prover(engine, true));
      for (int n = 2; n <= 4; n++) {
        for (int m = 1; m <= (n < 4 ? 2 : 1); m++) { // N = 4 only with M = 1: keeps the audit fast
          for (int depth = 2; depth <= 3; depth++) {
            (n < 4 ? cases : large).run(ChouGradients.problem(m, n, depth, ChouGradients.Mutation.NONE));
          }
        }
      }
      List<ControlProof> controls = new ArrayList<>();
      for (ChouGradients.Mutation mut : ChouGradients.Mutation.values()) {
        if (mut != ChouGradients.Mutation.NONE) {
          controls.add(control(engine, mut.text, ChouGradients.problem(2, 2, 3, mut)));
        }
      }
      return report("chou/gradients", ChouGradients.STATEMENT, cases, large, controls);
    });
  }

  /** chou/lemma-3.8#proof: d/dt h_eta = 0 for N = 2, 3, 4, L = 2, 3 (M = 1 symbolic; M = 2 rational A). */
  public static IdentityReport chouLemma38(SymbolicEngine engine) {
    return engine.cached("derive/chou/lemma-3.8", () -> {
      CaseRunner cases = new CaseRunner(prover(engine, false));
      CaseRunner large = new CaseRunner(prover(engine, true));
      for (int n = 2; n <= 4; n++) {
        for (int depth = 2; depth <= 3; depth++) {
          (n < 4 ? cases : large).run(ChouLemma38.problem(1, n, depth, ChouLemma38.Mutation.NONE));
        }
      }
      for (int n = 3; n <= 4; n++) {
        for (int depth = 2; depth <= 3; depth++) {
          (n < 4 ? cases : large).run(ChouLemma38.problem(2, n, depth, ChouLemma38.Mutation.NONE));
        }
      }
      List<ControlProof> controls = new ArrayList<>();
      controls.add(lemmaControl(engine, 3, ChouLemma38.Mutation.EXPONENT_1_MINUS_L));
      controls.add(lemmaControl(engine, 3, ChouLemma38.Mutation.EXP_SIGN));
      controls.add(lemmaControl(engine, 2, ChouLemma38.Mutation.EXP_SIGN));
      controls.add(lemmaControl(engine, 3, ChouLemma38.Mutation.ETA_FACTOR));
      controls.add(lemmaControl(engine, 2, ChouLemma38.Mutation.ETA_FACTOR));
      controls.add(lemmaControl(engine, 3, ChouLemma38.Mutation.NO_UNIT_NORM));
      return report("chou/lemma-3.8#proof", ChouLemma38.STATEMENT, cases, large, controls);
    });
  }

  /** ewn/theorem-1#ewn: (5) from (7),(8) for d = 2, 3, 4, both hemispheres of ||v|| = 1. */
  public static IdentityReport ewnTheorem1Ewn(SymbolicEngine engine) {
    return engine.cached("derive/ewn/theorem-1#ewn", () -> theorem1(engine, EwnTheorem1.Kind.EWN));
  }

  /** ewn/theorem-1#swn: (6) from (16),(17) for d = 2, 3, 4, both hemispheres of ||v|| = 1. */
  public static IdentityReport ewnTheorem1Swn(SymbolicEngine engine) {
    return engine.cached("derive/ewn/theorem-1#swn", () -> theorem1(engine, EwnTheorem1.Kind.SWN));
  }

  /**
   * The code-generation templates: each kernel's loop structure, written with the same scalar
   * maps, equals the full symbolic gradient / vector field (symbolic depth L) for N = 2, 3.
   */
  public static IdentityReport kernelTemplates(SymbolicEngine engine) {
    return engine.cached("derive/codegen/templates", () -> {
      CaseRunner cases = new CaseRunner(prover(engine, false));
      for (KernelStructure.Template t : KernelStructure.Template.values()) {
        for (int n = 2; n <= 3; n++) {
          cases.run(KernelStructure.problem(t, 2, n));
        }
      }
      return new IdentityReport("codegen/templates", "kernel loop templates equal the symbolic gradients and flows",
          cases.combined("codegen/templates"), List.of(), cases.skipped());
    });
  }

  /** Every report above, in a fixed order. */
  public static List<IdentityReport> all(SymbolicEngine engine) {
    return List.of(chouGradients(engine), chouLemma38(engine), ewnTheorem1Ewn(engine), ewnTheorem1Swn(engine),
        kernelTemplates(engine));
  }

  private static IdentityReport theorem1(SymbolicEngine engine, EwnTheorem1.Kind kind) {
    CaseRunner cases = new CaseRunner(prover(engine, false));
    CaseRunner large = new CaseRunner(prover(engine, true));
    for (int d = 2; d <= 5; d++) {
      (d < 4 ? cases : large).run(EwnTheorem1.problem(kind, d, EwnTheorem1.Mutation.NONE));
    }
    List<ControlProof> controls = new ArrayList<>();
    EwnTheorem1.Mutation second =
        kind == EwnTheorem1.Kind.EWN ? EwnTheorem1.Mutation.EWN_RATE_NORM : EwnTheorem1.Mutation.SWN_SIGN;
    for (EwnTheorem1.Mutation mut : List.of(EwnTheorem1.Mutation.RADIUS_2, second)) {
      controls.add(control(engine, mut.text, EwnTheorem1.problem(kind, 3, mut)));
    }
    String id = "ewn/theorem-1#" + kind.name().toLowerCase(java.util.Locale.ROOT);
    String statement = kind == EwnTheorem1.Kind.EWN ? EwnTheorem1.STATEMENT_EWN : EwnTheorem1.STATEMENT_SWN;
    return report(id, statement, cases, large, controls);
  }

  private static ControlProof lemmaControl(SymbolicEngine engine, int depth, ChouLemma38.Mutation mut) {
    return control(engine, mut.text + " (L=" + depth + ")", ChouLemma38.problem(1, 3, depth, mut));
  }

  private static ControlProof control(SymbolicEngine engine, String mutation, IdentityProblem p) {
    return new ControlProof(mutation, prover(engine, false).prove(p));
  }

  private static IdentityReport report(
      String id, String statement, CaseRunner small, CaseRunner large, List<ControlProof> controls) {
    List<IdentityProof> all = new ArrayList<>();
    IdentityProof s = small.combined(id);
    IdentityProof l = large.combined(id);
    List<String> skipped = new ArrayList<>(small.skipped());
    skipped.addAll(large.skipped());
    // Recombine so the dimensions of both runners appear in one list.
    all.add(s);
    if (!l.dimensions().equals("none")) {
      all.add(l);
    }
    IdentityProof combined = all.size() == 1 ? s : IdentityProof.combine(id, all);
    return new IdentityReport(id, statement, combined, controls, skipped);
  }

  private static IdentityProver prover(SymbolicEngine engine, boolean large) {
    return new IdentityProver(engine, SEED, 12, large ? LARGE_CASE_BUDGET : SMALL_CASE_BUDGET);
  }
}
