package org.wnverify.symbolic.derive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.prove.IdentityProof;
import org.wnverify.symbolic.prove.IdentityProver;

/**
 * Entry point of the symbolic audit: the catalogue of identities of the three papers ({@link
 * #catalogue()}), each proved over its dimension cases with its negative controls and cached on
 * the engine (the audit may ask many times; derivations run once per engine, and proofs once per
 * machine when the engine has a {@link org.wnverify.symbolic.prove.ProofCache}). Cases run
 * smallest first; a case whose Symja call exceeds {@link #LARGE_CASE_BUDGET} is dropped and listed
 * in {@link IdentityReport#skipped()}.
 */
public final class SymbolicIdentities {
  /** Seed of the random rational points; fixed so reports are reproducible. */
  public static final long SEED = 20240601L;

  /** Budget of one Symja call in the small cases (never expected to be reached). */
  static final Duration SMALL_CASE_BUDGET = Duration.ofSeconds(30);

  /** Budget of one Symja call in the largest cases (N or d >= 4), which are dropped if slower. */
  static final Duration LARGE_CASE_BUDGET = Duration.ofSeconds(8);

  private SymbolicIdentities() {}

  /**
   * One identity of a paper: the claim id it backs, where it is printed, the statement, and its
   * derivation.
   */
  public record Entry(String id, String location, String statement, Function<SymbolicEngine, IdentityReport> derivation) {
    /** Runs (or fetches from the engine's cache) the derivation. */
    public IdentityReport report(SymbolicEngine engine) {
      return derivation.apply(engine);
    }
  }

  /** Every identity with a derivation, sorted by id. */
  public static List<Entry> catalogue() {
    List<Entry> all = new ArrayList<>();
    all.add(entry(ChouGradients.ID, "Chou, Rauhut, Ward, Section 3.1, eqs. (22)-(24)", ChouGradients.STATEMENT,
        SymbolicIdentities::gradientsPlan));
    all.add(entry(ChouLemma31.ID, ChouLemma31.LOCATION, ChouLemma31.STATEMENT, ChouLemma31::plan));
    all.add(entry(ChouLemma32.ID, ChouLemma32.LOCATION, ChouLemma32.STATEMENT, ChouLemma32::plan));
    all.add(entry(ChouLemma33.ID, ChouLemma33.LOCATION, ChouLemma33.STATEMENT, ChouLemma33::plan));
    all.add(entry(ChouLemma35.ID, ChouLemma35.LOCATION, ChouLemma35.STATEMENT, ChouLemma35::plan));
    all.add(entry(ChouLemma37.ID, ChouLemma37.LOCATION, ChouLemma37.STATEMENT, ChouLemma37::plan));
    all.add(entry(ChouLemma38.ID, "Chou, Rauhut, Ward, Lemma 3.8, eq. (32)", ChouLemma38.STATEMENT,
        SymbolicIdentities::lemma38Plan));
    all.add(entry(ChouLemma39Gamma.ID, ChouLemma39Gamma.LOCATION, ChouLemma39Gamma.STATEMENT, ChouLemma39Gamma::plan));
    all.add(entry(ChouLemma314.ID_314, ChouLemma314.LOCATION_314, ChouLemma314.STATEMENT_314, ChouLemma314::plan314));
    all.add(entry(ChouLemma314.ID_315, ChouLemma314.LOCATION_315, ChouLemma314.STATEMENT_315, ChouLemma314::plan315));
    all.add(entry(ChouLemma318.ID, ChouLemma318.LOCATION, ChouLemma318.STATEMENT, ChouLemma318::plan));
    all.add(entry(WuIdentities.GRADIENTS, "Wu et al., Section 2 after (4), and Appendix C.1",
        "with r = y - A g w: grad_w f = A^T r, grad_g f = w^T A^T r for f of (3); C.1: d_g h = w^T A^T r, "
            + "d_w h = g P_{w perp} A^T r for h of (2)",
        () -> WuIdentities.gradientsPlan(WuIdentities.Grad.PRINTED)));
    all.add(entry(WuIdentities.GRADIENTS_B, "Wu et al., Appendix B (proof of Lemma 2.2)",
        "grad_w f(w, g) = g grad L(g w), grad_g f(w, g) = w^T grad L(g w); WN: d_g h = <v, grad L(g v)>, "
            + "grad_w h = (g/||w||) P_w grad L(g v), v = w/||w||, grad L(x) = A^T (A x - y)",
        () -> WuIdentities.gradientsPlan(WuIdentities.Grad.APPENDIX_B)));
    all.add(entry(WuIdentities.GRADIENTS_FIXED, "Wu et al., Section 2 after (4), and C.1 (corrected sign convention)",
        "with r = A g w - y (not y - A g w): grad_w f = g A^T r, grad_g f = w^T A^T r, d_g h = w^T A^T r, "
            + "d_w h = g P_{w perp} A^T r at ||w|| = 1",
        () -> WuIdentities.gradientsPlan(WuIdentities.Grad.CORRECTED)));
    all.add(entry(WuIdentities.LEMMA_22, "Wu et al., Lemma 2.2 and Appendix B",
        "with ||w_0|| = 1 and step sizes (eta, c eta), WN (Algorithm 1) on (g, w/||w||) and rPGD (Algorithm 2) on (g, w) "
            + "have the same first-order expansion in eta (the same limiting flow)",
        () -> WuIdentities.lemma22Plan(WuIdentities.FlowTarget.AGREE)));
    all.add(entry(WuIdentities.LEMMA_22_FLOW, "Wu et al., Lemma 2.2, eq. (4)",
        "the common limiting flow is (4): dg/dt = -c grad_g f(w, g), dw/dt = -g P_t grad_w f(w, g), f from (3)",
        () -> WuIdentities.lemma22Plan(WuIdentities.FlowTarget.PRINTED_4)));
    all.add(entry(WuIdentities.LEMMA_22_FLOW_FIXED, "Wu et al., Lemma 2.2, eq. (4) corrected as in Appendix B",
        "the common limiting flow is dg/dt = -c grad_g f, dw/dt = -P_t grad_w f = -g P_t grad L(g w)",
        () -> WuIdentities.lemma22Plan(WuIdentities.FlowTarget.CORRECTED_4)));
    all.add(entry(WuIdentities.LEMMA_25, "Wu et al., Lemma 2.5, eq. (6), proof in Appendix C.3",
        "along the WN flow with ||w_0|| = 1 and c > 0: w_t_perp = exp((g_0^2 - g_t^2)/(2c)) w_0_perp, i.e. "
            + "d/dt (w_perp exp(g^2/(2c))) = 0",
        () -> WuIdentities.lemma25Plan(WuIdentities.InvariantForm.VECTOR)));
    all.add(entry(WuIdentities.LEMMA_25_SQ, "Wu et al., Lemma 2.5, eq. (6), second part",
        "||w_t_perp||^2 exp(g_t^2/2c) = ||w_0_perp||^2 exp(g_0^2/2c), i.e. d/dt (||w_perp||^2 exp(g^2/(2c))) = 0",
        () -> WuIdentities.lemma25Plan(WuIdentities.InvariantForm.SQUARED_NORM_PRINTED)));
    all.add(entry(WuIdentities.LEMMA_25_SQ_FIXED, "Wu et al., Lemma 2.5, eq. (6), second part (corrected)",
        "||w_t_perp||^2 exp(g_t^2/c) = ||w_0_perp||^2 exp(g_0^2/c), i.e. d/dt (||w_perp||^2 exp(g^2/c)) = 0",
        () -> WuIdentities.lemma25Plan(WuIdentities.InvariantForm.SQUARED_NORM_CORRECTED)));
    all.add(entry(EwnHomogeneity.EULER, "EWN paper, assumption (L3) (Section 4.1) and the proof of Lemma 2",
        "for Phi homogeneous of degree L in w: Phi(lambda w) = lambda^L Phi(w), w^T grad_w Phi = L Phi (Euler), "
            + "grad Phi(lambda w) = lambda^(L-1) grad Phi(w); hence w^T sum_i l_i y_i grad Phi(w, x_i) = "
            + "L sum_i l_i y_i Phi(w, x_i)",
        EwnHomogeneity::eulerPlan));
    all.add(entry(EwnTheorem1.Kind.EWN.id(), "EWN paper, Theorem 1, eq. (5); flows (7),(8); proof in Appendix A",
        "for w = e^alpha v/||v|| following (7),(8) with ||v|| = 1: dw/dt = -eta ||w||^2 grad_w L",
        () -> theorem1Plan(EwnTheorem1.Kind.EWN)));
    all.add(entry(EwnHomogeneity.NORM_ODE, "EWN paper, Theorem 1 with (7),(8) and (16),(17); eq. (30)",
        "with ||v|| = 1: EWN d||w||/dt = -eta ||w||^2 w^^T grad_w L (30); SWN d||w||/dt = -eta w^^T grad_w L, w^ = w/||w||",
        EwnHomogeneity::normOdePlan));
    all.add(entry(EwnTheorem1.Kind.SWN.id(), "EWN paper, Theorem 1, eq. (6); flows (16),(17); proof in Appendix A",
        "for w = gamma v/||v|| following (16),(17) with ||v|| = 1: "
            + "dw/dt = -eta (||w||^2 G + ((1 - ||w||^2)/||w||^2)(w^T G) w), G = grad_w L",
        () -> theorem1Plan(EwnTheorem1.Kind.SWN)));
    all.sort(java.util.Comparator.comparing(Entry::id));
    return List.copyOf(all);
  }

  /** The entry of an id, if it has a derivation. */
  public static Optional<Entry> entry(String id) {
    Optional<Entry> statement = catalogue().stream().filter(e -> e.id().equals(id)).findFirst();
    return statement.isPresent() ? statement : ProofSteps.entry(id);
  }

  /** The plan of a catalogued id (the cases and controls its report runs), for probes and tests. */
  static Plan plan(String id) {
    Supplier<Plan> p = PLANS.get(id);
    if (p == null) {
      catalogue();
      ProofSteps.catalogue();
      p = PLANS.get(id);
    }
    if (p == null) {
      throw new IllegalArgumentException("no derivation for " + id);
    }
    return p.get();
  }

  private static final java.util.Map<String, Supplier<Plan>> PLANS = new java.util.concurrent.ConcurrentHashMap<>();

  static Entry entry(String id, String location, String statement, Supplier<Plan> plan) {
    PLANS.put(id, plan);
    return new Entry(id, location, statement,
        engine -> engine.cached("derive/" + id, () -> execute(engine, id, location, statement, plan.get())));
  }

  /** Runs a plan: small cases, large cases (short budget), controls; combines into a report. */
  static IdentityReport execute(SymbolicEngine engine, String id, String location, String statement, Plan plan) {
    CaseRunner small = new CaseRunner(prover(engine, false));
    CaseRunner large = new CaseRunner(prover(engine, true));
    plan.small.forEach(small::run);
    plan.large.forEach(large::run);
    List<ControlProof> controls = new ArrayList<>();
    for (Plan.Control c : plan.controls) {
      controls.add(new ControlProof(c.mutation(), prover(engine, false).prove(c.c().problem())));
    }
    List<IdentityProof> parts = new ArrayList<>();
    IdentityProof s = small.combined(id);
    IdentityProof l = large.combined(id);
    parts.add(s);
    if (!l.dimensions().equals("none")) {
      parts.add(l);
    }
    IdentityProof combined = parts.size() == 1 ? s : IdentityProof.combine(id, parts);
    List<String> skipped = new ArrayList<>(small.skipped());
    skipped.addAll(large.skipped());
    return new IdentityReport(id, location, statement, combined, controls, skipped, plan.notes,
        small.display().or(large::display));
  }

  // --- the plans of the first identities (kept here; newer ones live with their class) ---------

  private static Plan gradientsPlan() {
    Plan plan = new Plan();
    plan.grid(ChouModel.SIZES, 2, 3, (m, n, depth) -> ChouGradients.problem(m, n, depth, ChouGradients.Mutation.NONE));
    for (ChouGradients.Mutation mut : ChouGradients.Mutation.values()) {
      if (mut != ChouGradients.Mutation.NONE) {
        plan.control(mut.text, ChouGradients.problem(2, 2, 3, mut));
      }
    }
    plan.note("||u|| is free (a free symbol nu in the symbolic step); grad L in (23), (24) is Symja's own gradient of "
        + "(10), so (23), (24) are checked independently of (22)");
    plan.note(ChouModel.SIZES_NOTE);
    return plan;
  }

  private static Plan lemma38Plan() {
    Plan plan = new Plan();
    for (int n = 2; n <= 5; n++) {
      for (int depth = 2; depth <= 4; depth++) {
        plan.add(n >= 4, ChouLemma38.problem(1, n, depth, ChouLemma38.Mutation.NONE));
      }
    }
    for (int n = 3; n <= 4; n++) {
      for (int depth = 2; depth <= 4; depth++) {
        plan.add(n >= 4, ChouLemma38.problem(2, n, depth, ChouLemma38.Mutation.NONE));
      }
    }
    for (int depth = 2; depth <= 3; depth++) {
      plan.large(ChouLemma38.problem(3, 4, depth, ChouLemma38.Mutation.NONE));
    }
    for (ChouLemma38.Mutation mut : List.of(ChouLemma38.Mutation.EXPONENT_1_MINUS_L, ChouLemma38.Mutation.EXP_SIGN,
        ChouLemma38.Mutation.ETA_FACTOR, ChouLemma38.Mutation.NO_UNIT_NORM)) {
      plan.control(mut.text + " (L=3)", ChouLemma38.problem(1, 3, 3, mut));
    }
    plan.control(ChouLemma38.Mutation.EXP_SIGN.text + " (L=2)", ChouLemma38.problem(1, 3, 2, ChouLemma38.Mutation.EXP_SIGN));
    plan.control(ChouLemma38.Mutation.ETA_FACTOR.text + " (L=2)",
        ChouLemma38.problem(1, 3, 2, ChouLemma38.Mutation.ETA_FACTOR));
    plan.note("||u0|| = 1 (hence ||u|| = 1, Lemma 3.2) is imposed after differentiating: the symbolic step rewrites "
        + "every power of sum u_k^2 as 1; random points lie exactly on the positive orthant of the unit sphere");
    plan.note("the projector I - A^+A enters through a basis of ker A (symbolic for M = 1, a fixed integer A with a "
        + "checked integer basis for M = 2, 3)");
    return plan;
  }

  private static Plan theorem1Plan(EwnTheorem1.Kind kind) {
    Plan plan = new Plan();
    for (int d = 2; d <= 5; d++) {
      plan.add(d >= 4, EwnTheorem1.problem(kind, d, EwnTheorem1.Mutation.NONE));
    }
    EwnTheorem1.Mutation second =
        kind == EwnTheorem1.Kind.EWN ? EwnTheorem1.Mutation.EWN_RATE_NORM : EwnTheorem1.Mutation.SWN_SIGN;
    for (EwnTheorem1.Mutation mut : List.of(EwnTheorem1.Mutation.RADIUS_2, second)) {
      plan.control(mut.text, EwnTheorem1.problem(kind, 3, mut));
    }
    List<EwnTheorem1.Mutation> more = kind == EwnTheorem1.Kind.EWN
        ? List.of(EwnTheorem1.Mutation.EWN_SIGN, EwnTheorem1.Mutation.EWN_FACTOR_DROPPED)
        : List.of(EwnTheorem1.Mutation.SWN_DENOM_POWER, EwnTheorem1.Mutation.SWN_RADIAL_DROPPED);
    for (EwnTheorem1.Mutation mut : more) {
      plan.control(mut.text, EwnTheorem1.problem(kind, 2, mut));
    }
    plan.note("||v|| = 1 is imposed after differentiating (the whole sphere); with ||v|| = 2 the theorem fails (control)");
    return plan;
  }

  // --- shorthands kept for callers and tests ---------------------------------------------------

  /** chou/gradients. */
  public static IdentityReport chouGradients(SymbolicEngine engine) {
    return report(ChouGradients.ID, engine);
  }

  /** chou/lemma-3.8#proof. */
  public static IdentityReport chouLemma38(SymbolicEngine engine) {
    return report(ChouLemma38.ID, engine);
  }

  /** ewn/theorem-1#ewn. */
  public static IdentityReport ewnTheorem1Ewn(SymbolicEngine engine) {
    return report(EwnTheorem1.Kind.EWN.id(), engine);
  }

  /** ewn/theorem-1#swn. */
  public static IdentityReport ewnTheorem1Swn(SymbolicEngine engine) {
    return report(EwnTheorem1.Kind.SWN.id(), engine);
  }

  /** The report of a catalogued id. */
  public static IdentityReport report(String id, SymbolicEngine engine) {
    return entry(id).orElseThrow(() -> new IllegalArgumentException("no derivation for " + id)).report(engine);
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
      cases.run(KernelStructure.logDomain());
      cases.run(KernelStructure.bregman(2));
      cases.run(KernelStructure.bregman(3));
      return new IdentityReport("codegen/templates", "kernel loop templates equal the symbolic gradients and flows",
          cases.combined("codegen/templates"), List.of(), cases.skipped());
    });
  }

  /** Every catalogued report, in id order. */
  public static List<IdentityReport> all(SymbolicEngine engine) {
    return catalogue().stream().map(e -> e.report(engine)).toList();
  }

  private static IdentityProver prover(SymbolicEngine engine, boolean large) {
    return new IdentityProver(engine, SEED, 12, large ? LARGE_CASE_BUDGET : SMALL_CASE_BUDGET);
  }
}
