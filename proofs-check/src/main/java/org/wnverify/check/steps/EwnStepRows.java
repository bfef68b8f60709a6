package org.wnverify.check.steps;

import java.util.List;
import java.util.Optional;
import org.wnverify.check.steps.ProofStepIndex.Kind;
import org.wnverify.check.steps.ProofStepIndex.Row;

/**
 * The displays of the EWN paper's appendix proofs (004_d2ed0280bb71d0bc.txt, Apps. A-G, the
 * lemma proofs of App. I and the cross-entropy versions of App. H) that have no step claim of
 * their own: not yet checked, or checked by a statement's claim. The checked steps are indexed
 * from the catalogue ({@code EwnProofSteps} in symbolic, {@link EwnSampledSteps}). The file is an
 * OCR: a display is quoted as ewn.md reconstructs it, and a row says where the OCR is garbled.
 */
final class EwnStepRows {
  private EwnStepRows() {}

  static final String EWN = EwnSampledSteps.SRC;

  private static Row pending(String proof, String lines, Kind kind, String display, String remark) {
    return new Row(proof, EWN, lines, kind, display, Optional.empty(), remark);
  }

  private static Row checkedBy(String proof, String lines, Kind kind, String display, String claim, String remark) {
    return new Row(proof, EWN, lines, kind, display, Optional.of(claim), remark);
  }

  private static final String T1 = "ewn/theorem-1";
  private static final String P1 = "ewn/proposition-1";
  private static final String P2 = "ewn/proposition-2";
  private static final String T2 = "ewn/theorem-2";
  private static final String P3 = "ewn/proposition-3";
  private static final String C1 = "ewn/corollary-1";
  private static final String T3 = "ewn/theorem-3";
  private static final String H = "ewn/appendix-h";
  private static final String LIM = "not yet (a limit along t -> infinity: a finite run can only show a trend)";

  static final List<Row> ROWS = List.of(
      // App. A
      checkedBy(T1, "508-515", Kind.IDENTITY, "d alpha_u/dt = -eta grad_alpha L = -eta e^(alpha_u) v_u^T grad_{w_u} L/||v_u||, dv_u/dt = "
          + "-eta grad_v L = -eta (e^(alpha_u)/||v_u||)(I - v_u v_u^T/||v_u||^2) grad_{w_u} L (the flows (7), (8))", "ewn/theorem-1#ewn",
          "component (a) of the statement's identity: the flows are -eta times the chain-rule gradient"),
      checkedBy(T1, "538-545", Kind.IDENTITY, "d gamma_u/dt = -eta v_u^T grad_{w_u} L/||v_u||, dv_u/dt = -eta (gamma_u/||v_u||)(I - v_u v_u^T/"
          + "||v_u||^2) grad_{w_u} L (the flows (16), (17))", "ewn/theorem-1#swn", "component (a) of the statement's identity"),
      // App. B
      checkedBy(P1, "568-571", Kind.IDENTITY, "w~^T grad_w Phi(w~, x_i) = L Phi(w~, x_i) (Euler); thus ||grad_w Phi(w~, x_i)|| > 0",
          "ewn/lemma-2#euler", "Euler's identity for the paper's nets, symbolic"),
      pending(P1, "573-575", Kind.LIMIT, "lim ||grad_w L(w(t))||/(e^(-rho g(t)^L) g(t)^(L-1) ||sum_i l~_i y_i grad_w Phi(w~, x_i)||) = k_1",
          LIM),
      checkedBy(P1, "575-585", Kind.LIMIT, "eta = O(1/L^c), c < 1: lim eta ||w|| ||grad_w L|| <= lim k_2 ||w|| ||grad_w L||/L^c = lim k_1 "
          + "k_2 e^(-rho g^L) g^(L-1) ||sum l~_i y_i grad Phi(w~, x_i)|| ||w||/L^c = 0 (OCR: 'O(L), where c < L', ewn.md 5 #8, H)",
          P1, "the statement's conclusion, along trajectories"),
      // App. C.1.1
      checkedBy(P2, "636-645", Kind.IDENTITY, "(7) d alpha_u/dt = -eta e^(alpha_u)(v_u^T grad_{w_u} L), (8) dv_u/dt = -eta e^(alpha_u)(I - "
          + "v_u v_u^T) grad_{w_u} L (||v_u|| = 1; ewn.md 5 #40)", "ewn/theorem-1#ewn", "the flows of Theorem 1's proof at ||v|| = 1"),
      checkedBy(P2, "648-650", Kind.IDENTITY, "w~^T grad_w Phi(w~, x_i) = L Phi(w~, x_i) > 0, thus ||grad_w Phi(w~, x_i)|| > 0",
          "ewn/lemma-2#euler", "Euler's identity, symbolic"),
      pending(P2, "651-655", Kind.IDENTITY, "Taylor: grad Phi(w(t), x_i) = grad Phi(g w~, x_i) + int_0^1 grad^2 Phi(g w~ + k r, x_i) r dk = "
          + "g^(L-1) grad Phi(w~, x_i) + g^(L-1) int_0^1 grad^2 Phi(w~ + k r/g, x_i) (r/g) dk (OCR garbled in the second line)",
          "not yet"),
      pending(P2, "656-661", Kind.LIMIT, "(9) lim grad_w Phi(w(t), x_i)/g(t)^(L-1) = grad_w Phi(w~, x_i)", LIM),
      checkedBy(P2, "662-665", Kind.IDENTITY, "-grad_w L(w(t)) = sum_i l_i(w(t)) y_i grad_w Phi(w(t), x_i)", "ewn/proposition-1#step-1",
          "the same display as in App. B"),
      pending(P2, "666-670", Kind.LIMIT, "a in S, b not in S: lim l_b/l_a = lim e^(-g^L (Phi(w~ + r/g, x_b) - Phi(w~ + r/g, x_a))) = 0, "
          + "thus l~_j = 0 for j not in S", LIM),
      checkedBy(P2, "671-676", Kind.LIMIT, "lim -grad_w L/||grad_w L|| = mu sum_{i in S} l~_i y_i grad_w Phi(w~, x_i), mu = "
          + "1/||sum_{i in S} l~_i y_i grad_w Phi(w~, x_i)||", P2, "part (i) of the statement, along trajectories"),
      pending(P2, "692-696", Kind.HENCE, "alpha_u -> infinity and (7) give int_{t1}^infinity eta e^(alpha_u) ||grad_{w_u} L|| dt = infinity",
          LIM),
      pending(P2, "697-702", Kind.LIMIT, "integrating (10): (g~_u/||g~_u||)^T (w~_u/||w~_u|| - v_u(t1)) >= infinity, a contradiction",
          "not yet (a contradiction, no finite display)"),
      pending(P2, "722-729", Kind.LIMIT, "the integrands converge in ratio to 0; integral Stolz-Cesaro: lim ||w_u||/||w_v|| <= 0",
          LIM),
      // App. C.1.2
      checkedBy(P2, "739-743", Kind.IDENTITY, "(11) alpha_u(t+1) = alpha_u(t) - eta e^(alpha_u) v_u^T grad_{w_u} L/||v_u||, (12) v_u(t+1) "
          + "= v_u(t) - eta (e^(alpha_u)/||v_u||)(I - v_u v_u^T/||v_u||^2) grad_{w_u} L", "ewn/theorem-1#gd-ewn",
          "the GD updates (3), (4) of the statement's GD check"),
      pending(P2, "774-777", Kind.HENCE, "(14) unrolled: v_u(t+1)^T g~_u/(||v_u(t+1)|| ||g~_u||) >= (v_u(t1)^T g~_u/||g~_u|| + sum_{k=t1}^t "
          + "eps x_k)/sqrt(||v_u(t1)||^2 + sum_{k=t1}^t x_k^2), x_k = eta(k) e^(alpha_u(k))/||v_u(k)|| ||grad L|| (garbled; ewn.md 5 #31, M)",
          "not yet (the one-step form is ewn/proposition-2#step-5)"),
      pending(P2, "778-780", Kind.HENCE, "alpha_u -> infinity and (11): sum_{k=t1}^infinity eta(k) e^(alpha_u(k)) ||grad_{w_u} L(w(k))|| = "
          + "infinity", LIM),
      checkedBy(P2, "781-787", Kind.HENCE, "with (A5), (13) and Lemma 5: sum_{k=t1}^infinity eta(k) e^(alpha_u(k))/||v_u(k)|| ||grad_{w_u} "
          + "L(w(k))|| = infinity", "ewn/lemma-5", "Lemma 5 itself (its hypothesis is (13), ewn/proposition-2#eq-13)"),
      checkedBy(P2, "788-794", Kind.LIMIT, "with (14) and Lemma 4: lim v_u(t+1)^T g~_u/(||v_u(t+1)|| ||g~_u||) >= infinity, a contradiction",
          "ewn/lemma-4", "Lemma 4 itself"),
      pending(P2, "796-798", Kind.HENCE, "Case 2 'By Lemma 3, we know there exists at least one node s with ||w~_s|| > 0, ||g~_s|| > 0' "
          + "(should cite Lemma 2, ewn.md 5 #39)", "not yet (a wrong citation, no display)"),
      pending(P2, "817-827", Kind.LIMIT, "alpha_u - alpha_s converges while both series diverge; lim (e^(alpha_u) v_u^T grad_u L/||v_u||)/"
          + "(e^(alpha_s) v_s^T grad_s L/||v_s||) = 0 contradicts Lemma 6", "not yet (Lemma 6 is ewn/lemma-6)"),
      // App. C.2.1
      checkedBy(P2, "838-843", Kind.IDENTITY, "(16) d gamma_u/dt = -eta v_u^T grad_{w_u} L/||v_u||, (17) dv_u/dt = -eta (gamma_u/||v_u||)"
          + "(I - v_u v_u^T/||v_u||^2) grad_{w_u} L", "ewn/theorem-1#swn", "the SWN flows of Theorem 1's proof"),
      pending(P2, "866-873", Kind.LIMIT, "gamma_u -> infinity and (16): int eta ||grad_{w_u} L|| dt = infinity; integrating (18): "
          + "(g~_u/||g~_u||)^T (w~_u/||w~_u|| - v_u(t1)) >= infinity", LIM),
      pending(P2, "888-896", Kind.LIMIT, "integral Stolz-Cesaro: lim ||w_u||/||w_s|| <= 0 (SWN)", LIM),
      // App. C.2.2
      checkedBy(P2, "905-909", Kind.IDENTITY, "(19) gamma_u(t+1) = gamma_u(t) - eta v_u^T grad_{w_u} L/||v_u||, (20) v_u(t+1) = v_u(t) - "
          + "eta (gamma_u/||v_u||)(I - v_u v_u^T/||v_u||^2) grad_{w_u} L", "ewn/theorem-1#gd-swn", "the SWN GD updates"),
      pending(P2, "938-945", Kind.HENCE, "(22) the unrolled one-step bound for SWN (garbled; ewn.md 5 #31)", "not yet (the one-step form is "
          + "ewn/proposition-2#step-10)"),
      pending(P2, "946-956", Kind.LIMIT, "sum eta ||grad L|| = infinity; by (A5), (21), Lemma 5 sum eta gamma_u/||v_u|| ||grad L|| = "
          + "infinity; with (22) and Lemma 4 the cosine tends to infinity, a contradiction", LIM),
      pending(P2, "969-978", Kind.LIMIT, "lim (gamma_u(t+1) - gamma_u(t))/(gamma_s(t+1) - gamma_s(t)) = 0; Stolz-Cesaro: lim gamma_u/"
          + "gamma_s = 0", LIM),
      // App. D
      pending(T2, "1025-1031", Kind.LIMIT, "integral Stolz-Cesaro: cos(eps) lim ||w_u||^2 ||grad_u L||/(||w_v||^2 ||grad_v L||) <= lim "
          + "||w_u||/||w_v|| <= lim ||w_u||^2 ||grad_u L||/(cos(eps) ||w_v||^2 ||grad_v L||) (OCR 'cos9')", LIM),
      checkedBy(T2, "1032-1037", Kind.HENCE, "lim ||w_u||/||w_v|| = lim ||w_u||^2 ||grad_u L||/(||w_v||^2 ||grad_v L||); simplifying, "
          + "lim ||w_u|| ||grad_u L||/(||w_v|| ||grad_v L||) = 1", "ewn/theorem-2#ewn", "part (i) of the statement, along trajectories"),
      pending(T2, "1059-1061", Kind.IDENTITY, "(23) alpha_u(t) - alpha_s(t) = (alpha_u(0) - alpha_s(0)) + sum (eta e^(alpha_s) v_s^T grad_s L/"
          + "||v_s|| - eta e^(alpha_u) v_u^T grad_u L/||v_u||) (the summation range is unreadable in the OCR)",
          "not yet (with the sum from k = 0 it is (15), ewn/proposition-2#eq-15)"),
      checkedBy(T2, "1062-1076", Kind.LIMIT, "by Lemma 6, lim e^(alpha_u) ||grad_u L||/(e^(alpha_s) ||grad_s L||) = 1", "ewn/theorem-2#ewn",
          "the statement (EWN GD) and ewn/lemma-6"),
      pending(T2, "1110-1114", Kind.LIMIT, "integral Stolz-Cesaro (SWN): cos(eps) lim ||grad_u L||/||grad_v L|| <= lim ||w_u||/||w_v|| <= "
          + "lim ||grad_u L||/(cos(eps) ||grad_v L||)", LIM),
      checkedBy(T2, "1115-1117", Kind.HENCE, "lim ||w_u|| ||grad_v L||/(||w_v|| ||grad_u L||) = 1", "ewn/theorem-2#swn",
          "part (ii) of the statement, along trajectories"),
      checkedBy(T2, "1128-1133", Kind.IDENTITY, "gamma_u(t) = gamma_u(0) - sum_{k=0}^{t-1} eta(k) v_u(k)^T grad_{w_u} L/||v_u(k)|| (and "
          + "for s)", "ewn/proposition-2#step-11", "the same display as in C.2.2"),
      checkedBy(T2, "1134-1136", Kind.LIMIT, "Stolz-Cesaro: lim ||w_u|| ||grad_s L||/(||w_s|| ||grad_u L||) = 1", "ewn/theorem-2#swn",
          "the statement (SWN GD)"),
      // App. E
      pending(P3, "1181-1183", Kind.HENCE, "part 1a: ||grad_u L||/||grad_v L|| in [c - eps, c + eps] from the definition of the limit c",
          "not yet (ewn/proposition-3#part-1 checks part 1)"),
      pending(P3, "1199-1226", Kind.LIMIT, "for every kappa in (tau, Delta) there is t5 > t4 with v_u(t5)^T g~_u/||g~_u|| > cos(kappa) "
          + "(else (24) integrates to infinity); OCR prints 0 < tau < 2 pi", "not yet (a contradiction; (24) is ewn/proposition-3#eq-24)"),
      checkedBy(P3, "1228-1241", Kind.INEQUALITY, "(25) (g~_u/||g~_u||)^T dv_u(t6)/dt >= eta gamma_u ||grad_u L|| (cos(tau) - cos(beta)) "
          + "when v_u^T g~_u/||g~_u|| < cos(beta)", "ewn/proposition-3#eq-24", "the same inequality with beta for kappa (a finding there)"),
      checkedBy(P3, "1249-1250", Kind.LIMIT, "part 2 (SWN): lim ||w_u||/||w_v|| = c, 'in the same way as Theorem 2 for SWN'",
          "ewn/proposition-3#swn", "the statement's part 2"),
      checkedBy(P3, "1314-1322", Kind.INEQUALITY, "v_u(t+1)^T g~_u/||g~_u|| >= v_u(t)^T g~_u/||g~_u|| + (cos(tau) - cos(beta))(eta gamma_u/"
          + "||v_u|| ||grad_u L||) when (v_u/||v_u||)^T g~_u/||g~_u|| < cos(beta)", "ewn/proposition-3#eq-26",
          "the same inequality with beta for kappa (a finding there)"),
      pending(P3, "1323-1326", Kind.HENCE, "(27) with (21): v_u(t+1)^T g~_u/(||v_u(t+1)|| ||g~_u||) >= (v_u^T g~_u/||g~_u|| + (cos(tau) - "
          + "cos(beta)) chi)/sqrt(||v_u||^2 + chi^2)", "not yet (the same form as ewn/proposition-2#step-10)"),
      pending(P3, "1344-1345", Kind.LIMIT, "as chi(t) -> 0 the right side (v_u^T g~_u/(||v_u|| ||g~_u||))(sqrt(||v_u||^2 + chi^2) - ||v_u||)/chi "
          + "tends to 0, so the inequality holds for small enough chi", LIM),
      pending(P3, "1345-1357", Kind.HENCE, "after t6 > max(t7, t8) the cosine stays above cos(kappa): it goes up between cos(beta) and "
          + "cos(kappa) and cannot jump from above cos(beta) to below cos(kappa) in one step", "not yet"),
      checkedBy(P3, "1361-1363", Kind.LIMIT, "part 2 (SWN GD): lim ||w_u||/||w_v|| = c as in D.2.2", "ewn/proposition-3#swn",
          "the statement's part 2"),
      checkedBy(P3, "1455-1457", Kind.INEQUALITY, "(29) (g~_u/||g~_u||)^T dv_u(t6)/dt >= eta e^(alpha_u) ||grad_u L|| (cos(tau) - cos(beta))",
          "ewn/proposition-3#eq-28", "the same inequality with beta for kappa (a finding there)"),
      checkedBy(P3, "1476-1481", Kind.IDENTITY, "(30) d||w_u(t)||/dt = de^(alpha_u(t))/dt = -eta ||w_u(t)||^2 (v_u^T grad_{w_u} L)",
          "ewn/theorem-1#norm-ode", "the norm ODE of the statement's identities"),
      pending(P3, "1493-1500", Kind.LIMIT, "int_{t2}^infinity eta ||w_u|| ||grad_u L|| dt = infinity, so int d(||w_u||/||w_v||)/dt >= "
          + "infinity and lim ||w_u||/||w_v|| = infinity", "not yet (ewn/proposition-3#ewn checks part 3)"),
      pending(P3, "1519-1525", Kind.LIMIT, "int d(||w_u||/||w_v||)/dt <= -infinity, impossible as the ratio is >= 0; thus lim ||w_u||/"
          + "||w_v|| = 0", "not yet (ewn/proposition-3#ewn checks part 3)"),
      checkedBy(P3, "1597-1600", Kind.INEQUALITY, "the EWN GD gain with beta for kappa", "ewn/proposition-3#eq-33",
          "the same inequality with beta for kappa (a finding there)"),
      pending(P3, "1601-1603", Kind.HENCE, "with (13): v_u(t+1)^T g~_u/(||v_u(t+1)|| ||g~_u||) >= (v_u^T g~_u/||g~_u|| + (cos(tau) - "
          + "cos(beta)) chi)/sqrt(||v_u||^2 + chi^2), chi = eta e^(alpha_u)/||v_u|| ||grad_u L||", "not yet (the same form as "
          + "ewn/proposition-2#step-5)"),
      checkedBy(P3, "1604-1615", Kind.HENCE, "the chain in chi = eta e^(alpha_u)/||v_u|| ||grad_u L|| (as in E.1.2; 'RHS of Equation (34)')",
          "ewn/proposition-3#step-7", "the same algebra as in E.1.2"),
      pending(P3, "1643-1648", Kind.LIMIT, "||w_u||/||w_v|| increases for t > t2; if finite, Stolz-Cesaro gives lim ||w_u||/||w_v|| = "
          + "lim ||w_u||^2 ||grad_u L||/(||w_v||^2 ||grad_v L||), impossible as ||w_u||/||w_v|| > 1/c", "not yet"),
      pending(P3, "1659-1664", Kind.LIMIT, "||w_u||/||w_v|| decreases and converges; Stolz-Cesaro: only lim = 0 is possible for "
          + "||w_u||/||w_v|| < c", "not yet"),
      // App. F
      pending(C1, "1684-1686", Kind.HENCE, "at least one neuron of every layer has a non-zero component in w~, otherwise Phi(w~, x_i) = 0 "
          + "for all i and rho = 0", "not yet"),
      checkedBy(C1, "1699-1701", Kind.LIMIT, "theta~ satisfies the KKT conditions of the maximum margin problem; with probability 1 it is "
          + "the maximum margin separator (Soudry et al.)", C1, "the statement, along trajectories"),
      // App. G.1.1
      checkedBy(T3, "1720-1726", Kind.IDENTITY, "Unnorm: dw/dt = sum_i e^(-y_i Phi(w(t), x_i)) y_i grad_w Phi(w(t), x_i)",
          "ewn/proposition-1#step-1", "-grad_w L of the exponential loss, as in App. B"),
      pending(T3, "1727-1734", Kind.LIMIT, "(36) lim ||dw/dt||/||sum_i e^(-y_i Phi(w(t), x_i)) y_i grad_w Phi(w(t), x_i)|| = 1", LIM),
      checkedBy(T3, "1735-1738", Kind.IDENTITY, "||dw/dt|| = ||g'(t) w~ + dr/dt||; sum_i e^(-y_i Phi(w, x_i)) y_i grad Phi(w, x_i) = sum_i "
          + "e^(-y_i g^L Phi(w~ + r/g, x_i)) y_i g^(L-1) grad Phi(w~ + r/g, x_i)", "ewn/proposition-1#step-1",
          "the decomposition identities of App. B"),
      pending(T3, "1739-1747", Kind.LIMIT, "lim ||sum e^(-y g^L Phi(w~ + r/g)) y g^(L-1) grad Phi(w~ + r/g)||/(e^(-rho g^L) g^(L-1) "
          + "||sum_{i in S} l~_i y_i grad Phi(w~, x_i)||) = k; lim ||dr/dt||/g' = 0 gives lim ||dw/dt||/g' = 1", LIM),
      pending(T3, "1748-1754", Kind.LIMIT, "lim g'(t)/(e^(-rho g^L) g^(L-1) ||...||) = 1/k; with h = rho g^L: lim rho^(1-2/L) h'/(L e^(-h) "
          + "h^(2-2/L) ||...||) = 1/k; h = Theta(log t + (2 - 2/L) log log t), L = Theta(1/(t (log t)^(2-2/L)))",
          "not yet (the Unnorm rate; ewn/theorem-3 checks EWN's)"),
      // App. G.1.2
      checkedBy(T3, "1779-1790", Kind.IDENTITY, "EWN flow: dw_u/dt = -||w_u(t)||^2 dL(w(t))/dw_u", "ewn/theorem-1#ewn", "Theorem 1's (5) at eta = 1"),
      pending(T3, "1791-1797", Kind.LIMIT, "a_u(t) = -||w~_u||^2 dL/dw_u (OCR ||W_u||^2, ewn.md 5 #23, M): lim ||dw/dt||/(g(t)^2 ||a(t)||) "
          + "= 1; (37) lim ||dL/dw||/(e^(-rho g^L) g^(L-1)) = k_1", LIM),
      pending(T3, "1798-1816", Kind.LIMIT, "lim ||a(t)||/(e^(-rho g^L) g^(L-1)) = k; lim g'(t)/(e^(-rho g^L) g^(L+1)) = 1/k; lim rho^2 h'(t)/"
          + "(e^(-h) h^2) = 1/k (garbled constants, ewn.md 5 #24, M)", LIM),
      checkedBy(T3, "1817-1820", Kind.HENCE, "h(t) grows at Theta(log t + 2 log log t), so the loss goes down at Theta(1/(t (log t)^2))",
          T3, "the statement's rate (flow), exponent discrimination along trajectories"),
      // App. G.2
      checkedBy(T3, "1833-1837", Kind.IDENTITY, "the EWN GD updates of alpha_u, v_u restated ((11), (12))", "ewn/theorem-1#gd-ewn",
          "the GD updates of the statement's GD check"),
      pending(T3, "1858-1862", Kind.LIMIT, "lim ||v_u(t)||/||v_u(t+1)|| = 1, so lim (e^(delta cos(eps)) ||v_u(t)||/||v_u(t+1)|| - 1)/"
          + "(delta cos(eps)) = 1", LIM),
      pending(T3, "1862-1866", Kind.HENCE, "||v_u|| increases, so 1/(||v_u(t)|| ||v_u(t+1)||) <= k; lim e^(delta cos(eps)) sin(eps)/"
          + "(||v_u(t)|| ||v_u(t+1)|| cos(eps)) = 0", "not yet"),
      pending(T3, "1867-1876", Kind.LIMIT, "lim ||e^(alpha(t+1)) v(t+1)/||v(t+1)|| - e^(alpha) v/||v||||/(e^(alpha_u) delta_u) = 1 "
          + "(Pythagoras on (38)); lim ||Delta w_u||/(g(t+1) - g(t)) = ||w~_u||", LIM),
      pending(T3, "1877-1880", Kind.LIMIT, "with (37): lim (g(t+1) - g(t))/(eta(t) e^(-rho g^L) g^(L+1)) = c", LIM),
      pending(T3, "1881-1889", Kind.LIMIT, "d(t) = sum_{tau <= t} eta(tau), f real analytic with f(d(t)) = g(t) and a regularity condition "
          + "(unreadable, ewn.md 5 #26, L): lim f'(d(t))/(e^(-rho f^L) f^(L+1)) = c; lim of the h-form = c", LIM),
      checkedBy(T3, "1889-1893", Kind.HENCE, "h(d(t)) = Theta(log d(t) + 2 log log d(t)); g(t) = Theta((log d(t))^(1/L)) (OCR '(log "
          + "d(t))^L', ewn.md 5 #19, #27) and the loss Theta(1/(d(t) (log d(t))^2))", T3, "the statement's rates"),
      // App. H
      pending(H, "1921-1926", Kind.LIMIT, "(39) lim sum_{j != y_i} e^(-(Phi_{y_i}(w(t), x_i) - Phi_j(w(t), x_i))) = 0; (40) lim log(1 + "
          + "sum_j e^(...))/sum_j e^(...) = 1", LIM),
      pending(H, "1935-1939", Kind.IDENTITY, "(41) grad_w L = sum_i (1/(1 + sum_{j != y_i} e^(-(Phi_{y_i} - Phi_j)))) sum_{j != y_i} "
          + "e^(-(Phi_{y_i}(w, x_i) - Phi_j(w, x_i))) (grad_w Phi_j(w, x_i) - grad_w Phi_{y_i}(w, x_i)) (OCR garbled, ewn.md 5 #33)",
          "not yet (tried symbolically: Symja's normal form of the Log/Exp defect does not finish within its 60 s budget)"),
      checkedBy(H, "1940-1946", Kind.LIMIT, "lim ||grad_w L(w(t))||/(e^(-rho g^L) g^(L-1)) = k; the proof follows App. B",
          "ewn/appendix-h#proposition-4", "the statement (Proposition 4), along trajectories"),
      pending(H, "1963-1970", Kind.IDENTITY, "e^(-(Phi_{y_i}(w) - Phi_j(w))) = e^(-g^L (Phi_{y_i}(w~ + r/g) - Phi_j(w~ + r/g))); grad Phi_j(w) "
          + "- grad Phi_{y_i}(w) = g^(L-1)(grad Phi_j(w~ + r/g) - grad Phi_{y_i}(w~ + r/g))", "not yet (the exponential-loss form is "
          + "ewn/proposition-1#step-1)"),
      checkedBy(H, "1973-1976", Kind.LIMIT, "lim -grad_w L/||grad_w L|| = mu sum_i sum_{j != y_i} M~[i,j](grad Phi_{y_i}(w~, x_i) - grad "
          + "Phi_j(w~, x_i))", "ewn/appendix-h#proposition-5", "the statement (Proposition 5 (i)), along trajectories"),
      checkedBy(H, "2024-2028", Kind.LIMIT, "lim ||grad_w L||/(e^(-rho g^L) g^(L-1)) = k, then as App. G.2", "ewn/appendix-h#theorem-5",
          "the statement (Theorem 5)"),
      // App. I
      checkedBy("ewn/lemma-2", "2045-2050", Kind.IDENTITY, "w~^T g~ = mu sum_i l~_i y_i w~^T grad_w Phi(w~, x_i) = L mu sum_i l~_i y_i "
          + "Phi(w~, x_i) > 0", "ewn/lemma-2#euler", "Euler's identity, symbolic; ewn/lemma-2 checks the identity at the final iterate"),
      checkedBy("ewn/lemma-3", "2069-2072", Kind.HENCE, "at eps = 0 the bound takes the value 1 - (a^T b)^2 > 0, so by continuity some eps "
          + "> 0 satisfies cos(eps) - (a^T b + s)(a^T b + 2s + s^2) >= eps", "ewn/lemma-3", "the statement, at the eps* of the bound"),
      pending("ewn/lemma-4", "2078-2092", Kind.INEQUALITY, "for k > k2: sum_{j <= k} a_j/sqrt(sum_{l <= j} a_l^2) >= (1/sqrt 2) sum_{j=k1}^k "
          + "a_j/sqrt(eps sum_{l=k1}^j a_l) (garbled: the OCR keeps only '>= 1/sqrt2 sum_{j=k1}^k a ... sum_{l=k1} a_l', ewn.md 5 #28)",
          "not yet (garbled)"),
      pending("ewn/lemma-5", "2108-2140", Kind.INEQUALITY, "for k > k3: sum_{j=k3}^k a_j/b_j >= (b_0/2) sum a_j/sqrt(sum_{l=k3}^{k-1} a_l^2) "
          + ">= (b_0/(2 sqrt eps)) sqrt(sum a_j) (garbled)", "not yet (garbled)"),
      pending("ewn/lemma-6", "2152-2156", Kind.HENCE, "summing from k1: sum_{k >= k1} (a_k - b_k) = infinity, a contradiction",
          "not yet (ewn/lemma-6 checks the statement)"));
}
