package org.wnverify.symbolic.derive;

import java.util.List;

/**
 * The setup shared by the cases of Chou et al.'s lemmas on the WN flow (13)-(14) in (r, u) with u
 * free (3.1, 3.2, 3.3, 3.5): the model, u, the WN loss (12) and a case builder named by the
 * model's dimensions and data ({@link ChouModel#over}: symbolic A, or a fixed integer A), marked as
 * a control when mutated. {@link #variables} adds the data, r, u and the rates as sampled
 * variables; {@link #build} writes ||u|| as the free norm nu and builds the case.
 */
final class WnFlowCase {
  final ChouModel cm;
  final List<String> u;
  final String lossWn;
  final Problem p;

  /**
   * @param others the symbols besides A and b, e.g. "r, u, eta_u"
   * @param mutation the control's mutation in words, "" for the identity itself
   */
  WnFlowCase(String id, ChouModel cm, String others, String mutation) {
    this.cm = cm;
    this.u = Sym.vec("u", cm.n);
    this.lossWn = cm.lossWn();
    this.p = Problem.of(id, cm.dims() + " " + cm.over(others));
    if (!mutation.isEmpty()) {
      p.control(mutation);
    }
  }

  /** A (if symbolic) and b in [-2, 2], r in [0.1, 2], u in [-2, 2]^N, each rate in [0.1, 2]. */
  WnFlowCase variables(String... rates) {
    cm.addData(p);
    p.variable("r", 0.1, 2).variables(u, -2, 2);
    for (String rate : rates) {
      p.variable(rate, 0.1, 2);
    }
    return this;
  }

  /** ||u|| free: every power of sum u_k^2 becomes a power of the symbol nu in the symbolic step. */
  Case build() {
    return p.norm("nu", u).build();
  }
}
