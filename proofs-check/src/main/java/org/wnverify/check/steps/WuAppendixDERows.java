package org.wnverify.check.steps;

import static org.wnverify.check.steps.ProofStepIndex.WU;

import java.util.List;
import java.util.Optional;
import org.wnverify.check.steps.ProofStepIndex.Kind;
import org.wnverify.check.steps.ProofStepIndex.Row;

/**
 * The displays of Wu et al., Appendices D and E (001_b498c678a289d7b1.txt lines 594-1043) that have
 * no step claim of their own: those checked by a statement's claim (the numbered displays of the
 * lemmas' and theorems' statements, and proof lines that restate them), and those not checked,
 * with the reason (a definition, an approximation, a probability bound with an unnamed absolute
 * constant, or not yet). The step claims of these appendices are {@link WuAppendixESteps} and
 * {@link WuAppendixE23Steps}; together with these rows every display of D and E has a row.
 */
final class WuAppendixDERows {
  private WuAppendixDERows() {}

  /** The remark of a display no check covers yet: ProofStepIndexTest requires it to start with this. */
  static final String NOT_YET = "not yet";

  private static Row by(String proof, String lines, Kind kind, String display, String claim, String remark) {
    return new Row(proof, WU, lines, kind, display, Optional.of(claim), remark);
  }

  private static Row none(String proof, String lines, Kind kind, String display, String remark) {
    return new Row(proof, WU, lines, kind, display, Optional.empty(), remark);
  }

  static final List<Row> ROWS = List.of(
      // Appendix D
      none("wu/assumption-d.1", "598", Kind.IDENTITY, "min_{x in R^d} L(x)   (15)",
          "no relation: the problem Appendix D poses (its assumption is the next row)"),
      by("wu/assumption-d.1", "602-604", Kind.IDENTITY, "Assumption D.1: (I - P) grad L(x) = 0, for all x in R^d",
          "wu/assumption-d.1", "the statement, checked on least squares and logistic loss with P = A^+ A"),
      by("wu/assumption-d.1", "606-608", Kind.IDENTITY, "This implies L(x) = L(Px) for all x in R^d",
          "wu/assumption-d.1", "checked with the assumption: L(x) = L(P x)"),
      by("wu/theorem-d.2", "612-614", Kind.CONSERVED, "w_t^perp = exp((g_0^2 - g_t^2)/(2||w_0||^2)) w_0^perp",
          "wu/theorem-d.2", "the statement, along WN flows of the logistic loss (its proof is a sentence, no display)"),
      // Appendix E.1: Theorem E.1 and its proof
      by("wu/theorem-e.1", "624-626", Kind.IDENTITY, "T_1 = (1 + (g^*)^2/(rho delta_0)) log((1 - ||A w_0||^2)/delta^2) = "
          + "O(((g^*)^2/(rho delta_0)) log(1/delta^2))", "wu/theorem-e.1",
          "Theorem E.1's T1, with which its run is checked; the O(.) is an order, not checked"),
      by("wu/theorem-e.1", "628", Kind.IDENTITY, "T_2 = (1/gamma^(2)) log(rho delta_0/(g^{*2}(1 - eps) sqrt(eps))) = "
          + "O((1/gamma^(2)) log(rho(g^{*2} - g_0^2)/(g^{*2} sqrt(eps))))", "wu/theorem-e.1",
          "Theorem E.1's T2, with which its run is checked; the O(.) is an order, not checked"),
      by("wu/theorem-e.1", "630-632", Kind.INEQUALITY, "gamma^(1) < min{||A g_0 w_0||^2/(2 T_1((g^*)^2 - ||A g_0 w_0||^2)) "
          + "log((1 - rho) g^{*2}/g_0^2 + rho), 1/(2(1 + ||A w_0||^2))}", "wu/theorem-e.1",
          "the statement's choice of gamma^(1), with which its run is checked"),
      by("wu/theorem-e.1", "640-642", Kind.INEQUALITY, "By Lemma E.6, ||w_T1^perp||^2 = (1 - ||A w_T1||^2) <= exp(-sum_{i=1}^{T1} "
          + "((g^*)^2 - ||A g_i w_i||^2)/((g^*)^2 + (g^*)^2 - ||A g_i w_i||^2)) (1 - ||A w_0||^2)   (17)", "wu/lemma-e.6#corrected",
          "Lemma E.6 at T1 with the square on ||w_T1^perp|| (the form of its correction; as printed E.6 lacks it)"),
      by("wu/theorem-e.1", "652-654", Kind.INEQUALITY, "notice that we use Lemma E.3: g_{t+1} <= g_t + (gamma g_t/2)(||v_t||^2 - 1) "
          + "for t < T1", "wu/lemma-e.3", "the first part of Lemma E.3's statement"),
      by("wu/theorem-e.1", "678-680", Kind.IDENTITY, "g_t ||v_t|| - g_{t+1} = (1 - gamma^(1))(g_{t-1} ||v_{t-1}|| - g_t) - "
          + "(g_{t-1} ||v_{t-1}|| - g_t ||v_t||)(1 - (gamma^(1)/g_t) g_{t-1} ||v_{t-1}||/(g_t + g_{t-1} ||v_{t-1}||) (g_t ||v_t|| "
          + "+ g_{t-1} ||v_{t-1}||))   (22)", "wu/lemma-e.3",
          "Lemma E.3's identity at gamma^(1): VIOLATED as printed; the lost term is wu/lemma-e.3#corrected, lost at wu/lemma-e.3#step-5"),
      by("wu/theorem-e.1", "688-690", Kind.INEQUALITY, "1/(2||v_0||^2) <= g_t(g_t + g_{t-1}||v_{t-1}||)/(g_{t-1}||v_{t-1}||(g_t||v_t|| "
          + "+ g_{t-1}||v_{t-1}||))", "wu/theorem-e.1#step-9",
          "the second inequality of the display is the first two lines of the display before (wu/theorem-e.1#step-8, #step-9)"),
      none("wu/theorem-e.1", "698", Kind.IDENTITY, "= (1 - gamma^(2))^(t-T1) rho delta_0/(g^*(1 - eps) + g_T1)   (25)",
          "the definition of rho in (16), (g^*)^2 - g_T1^2 = rho delta_0, substituted: no relation beyond (16)"),
      none("wu/theorem-e.1", "702", Kind.HENCE, "So we have g_T||v_T|| - g_T <= g^* sqrt(eps) after T = T_1 + (1/gamma^(2)) "
          + "log(rho delta_0/((g^{*2}(1 - eps)) sqrt(eps)))",
          NOT_YET + ": the end of Phase II; the loss it bounds is the conclusion of wu/theorem-e.1, checked on runs"),
      // Lemma E.2
      by("wu/lemma-e.2", "710-712", Kind.IDENTITY, "A w_{t+1} = A g^* w^*/(g_t ||v_t||)   (27)", "wu/lemma-e.2", "the statement's (27)"),
      by("wu/lemma-e.2", "714", Kind.IDENTITY, "g_t^2 ||v_t||^2 = g_t^2 + ((g^*)^2 - ||A g_t w_t||^2) = g^{*2}/||A w_{t+1}||^2   (28)",
          "wu/lemma-e.2", "the statement's (28)"),
      by("wu/lemma-e.2", "716", Kind.IDENTITY, "||A w_{t+1}||^2 = (g^*)^2/((g^*)^2 + g_t^2 (1 - ||A w_t||^2))   (29)",
          "wu/lemma-e.2", "the statement's (29)"),
      by("wu/lemma-e.2", "718", Kind.IDENTITY, "1 - ||A w_{t+1}||^2 = (1/||v_t||^2)(1 - ||A w_t||^2)   (30)",
          "wu/lemma-e.2", "the statement's (30)"),
      by("wu/lemma-e.2", "720", Kind.IDENTITY, "g_{t+1}^2 - ||A g_{t+1} w_{t+1}||^2 = (||A g_{t+1} w_{t+1}||^2/(g^*)^2)(g_t^2 - "
          + "||A g_t w_t||^2)   (31)", "wu/lemma-e.2", "the statement's (31)"),
      none("wu/lemma-e.2", "722-724", Kind.IDENTITY, "With the update of w_t: v_{t+1} = w_t - eta g_t A^T r_t, w_{t+1} = v_t/||v_t||",
          "a definition (the w update of Algorithm 2), printed with v_{t+1} on the left and v_t on the right: every check reads it "
              + "as v_t = w_t - eta g_t A^T r_t, w_{t+1} = v_t/||v_t||, as (27)-(31) need"),
      // Lemma E.3
      by("wu/lemma-e.3", "744-746", Kind.IDENTITY, "g_t ||v_t|| - g_{t+1} = (1 - gamma)(g_{t-1} ||v_{t-1}|| - g_t) - (g_{t-1} "
          + "||v_{t-1}|| - g_t ||v_t||)(1 - (gamma/g_t) g_{t-1} ||v_{t-1}||/(g_t + g_{t-1} ||v_{t-1}||) (g_t ||v_t|| + g_{t-1} "
          + "||v_{t-1}||))", "wu/lemma-e.3", "the statement, on runs: VIOLATED as printed (wu/lemma-e.3#corrected)"),
      none("wu/lemma-e.3", "756", Kind.IDENTITY, "g_{t+1} = g_t + (gamma g_t/2)||v_t||^2 - (gamma g_t/2) - (gamma/(2g_t))((g_{t-1}^2 "
          + "||v_{t-1}||^2 + g_t^2 - 2g_t g_{t-1} ||v_{t-1}||) + C_t) = ... => g_t ||v_t|| - g_{t+1} = (1 - gamma)(g_{t-1} "
          + "||v_{t-1}|| - g_t) - g_{t-1} ||v_{t-1}|| + g_t ||v_t|| - Term1",
          NOT_YET + " line by line: its second line is wu/lemma-e.3#step-4, the rest is the expansion of a square; the minus before "
              + "Term1 and the one inside Term1 (line 761) are ambiguous as printed"),
      none("wu/lemma-e.3", "764-766", Kind.IDENTITY, "Term1 = -(gamma/(2g_t))(1 - ||A w_{t-1}||^2)(2g_t g_{t-1}/||v_{t-1}|| - "
          + "2g_{t-1}^2) = -(gamma g_{t-1}/g_t)(1 - ||A w_{t-1}||^2)(g_t/||v_{t-1}|| - g_{t-1}) = -gamma g_{t-1} ||v_{t-1}|| "
          + "((g_t^2 ||v_t||^2 - g_{t-1}^2 ||v_{t-1}||^2)/(g_t + g_{t-1} ||v_{t-1}||))/g_t",
          NOT_YET + ": algebra on the third line of Term1, which is where the proof loses its term (wu/lemma-e.3#step-5); the last "
              + "equality is wu/lemma-e.3#step-3"),
      // Lemma E.4
      by("wu/lemma-e.4", "779-781", Kind.INEQUALITY, "If eta = 1/g_t^2 and g_t - g_{t-1} ||v_{t-1}|| < 0: g_{t+1} > g_t, for all t",
          "wu/lemma-e.4", "the statement, on runs (wu/lemma-e.4#corrected: gamma_t > 0)"),
      // Lemma E.5
      by("wu/lemma-e.5", "789-791", Kind.IDENTITY, "g_t^2 ||v_t||^2 - g_{t-1}^2 ||v_{t-1}||^2 = (g_t^2/||v_{t-1}||^2 - g_{t-1}^2)"
          + "(1 - ||A w_{t-1}||^2) = (g_t^2 - g_{t-1}^2 ||v_{t-1}||^2)(1 - ||A w_t||)^2", "wu/lemma-e.5",
          "the statement, on runs: VIOLATED as printed (the square on the norm; wu/lemma-e.5#corrected)"),
      by("wu/lemma-e.5", "798", Kind.IDENTITY, "= (g_t^2 - g_{t-1}^2 ||v_{t-1}||^2)(1 - ||A w_t||)^2", "wu/lemma-e.5",
          "the statement's second equality, the third line of its proof"),
      // Lemma E.6
      by("wu/lemma-e.6", "803-805", Kind.INEQUALITY, "||w_t^perp|| <= (1 - ||A w_t||^2) <= exp(-sum_{i=1}^t ((g^*)^2 - ||A g_i w_i||^2)/"
          + "((g^*)^2 + (g^*)^2 - ||A g_i w_i||^2)) (1 - ||A w_0||^2)   (32)", "wu/lemma-e.6", "the statement, on runs"),
      by("wu/lemma-e.6", "815-817", Kind.HENCE, "Thus, (1 - ||A w_t||^2) <= exp(-sum_{i=1}^t ((g^*)^2 - ||A g_i w_i||^2)/((g^*)^2 + "
          + "(g^*)^2 - ||A g_i w_i||^2)) (1 - ||A w_0||^2)", "wu/lemma-e.6#corrected",
          "the second inequality of (32), on runs; the recursion gives the sum over i = 0..t-1, the printed i = 1..t is weaker "
              + "along runs (the terms decrease)"),
      // Appendix E.2: Theorem E.7
      by("wu/theorem-e.7", "825-827", Kind.INEQUALITY, "0 < gamma < (g^* - g_0)/((1 - eps^2)(g^* - g_0) + eps^2 g^*) < 1   (33)",
          "wu/theorem-e.7", "the statement's choice of gamma, with which its run is checked"),
      by("wu/theorem-e.7", "829-831", Kind.IDENTITY, "T_1 = log(1/eps^2)/log(g^{*2}/g_0^2), T_2 = log((1 - (1 - eps^2) g_0/g^*)/eps^2)"
          + "/log(1/(1 - (1 - eps^2) gamma))   (34)", "wu/theorem-e.7", "the statement's T1, T2, with which its run is checked"),
      by("wu/theorem-e.7", "833-835", Kind.INEQUALITY, "<w_T, w^*> >= 1 - eps, (1 - 2eps^2) g^* <= g_T <= g^*   (35)",
          "wu/theorem-e.7", "the statement's conclusion, on runs"),
      none("wu/theorem-e.7", "839-841", Kind.HENCE, "T_1 = log(1/eps^2)/log(g^{*2}/g_0^2) = log(1/eps^2)/log(1 + (g^{*2} - g_0^2)/g_0^2) "
          + "~(a) log(1/eps^2)/((g^{*2} - g_0^2)/g_0^2) = (g_0^2/delta_0) log(1/eps^2)   (36)",
          "an approximation ('~', with log(1 + x) >= x log 2 for the order): no relation as printed; the first equality is "
              + "g^{*2}/g_0^2 = 1 + (g^{*2} - g_0^2)/g_0^2"),
      none("wu/theorem-e.7", "841", Kind.HENCE, "T_2 ~(b) log(((g^* - g_0)/(g^* eps^2))/((1 - eps^2) gamma/(1 - (1 - eps^2) gamma)))/"
          + "((1 - eps^2) gamma/(1 - (1 - eps^2) gamma)) ~(c) (1/gamma) log((g^{*2} - g_0^2)/(g^{*2} eps^2))   (37)",
          "approximations ('~') for the order of T2: no relation as printed (the equality that opens (37) is wu/theorem-e.7#eq-37)"),
      none("wu/theorem-e.7", "847-849", Kind.IDENTITY, "w^par = A^T A w, w^perp = (I - A^T A) w   (38)",
          "definitions (the projections onto the row space of A and its complement, A A^T = I)"),
      by("wu/theorem-e.7", "879-883", Kind.INEQUALITY, "Property (ii): letting gamma' = gamma(1 - eps^2), (1 - gamma') g_t + gamma' g^* "
          + "<= g_{t+1} <= g^*", "wu/lemma-e.8", "Lemma E.8's Property (ii), on runs"),
      by("wu/theorem-e.7", "885-887", Kind.INEQUALITY, "g^* - g_T <= (1 - gamma')(g^* - g_{T-1}) <= (1 - gamma')^T2 (g^* - g_T1) "
          + "=(a) (1 - gamma')^T2 (g^* - g_0)   (44)", "wu/lemma-e.8",
          "Property (ii) iterated over Phase II, with g_T1 = g_0; step (b) is wu/theorem-e.7#eq-44"),
      // Lemma E.8
      by("wu/lemma-e.8", "901-906", Kind.INEQUALITY, "Property (i): ||w_{t+1}^perp|| <= ||w_t^perp|| <= eps. Property (ii): "
          + "(1 - gamma') g_t + gamma' g^* <= g_{t+1} <= g^*", "wu/lemma-e.8",
          "the statement, on runs (wu/lemma-e.8#corrected: T2 as a real number)"),
      // Appendix E.3
      by("wu/proposition-e.9", "937-939", Kind.HENCE, "g_0 <= g^* lambda_min(AA^T)/(2 + delta): ||w_T1^perp|| <= eps with "
          + "T_1 = (1/log(1 + delta)) log(||w_0^perp||/eps)", "wu/proposition-e.9", "the statement's first part, on runs"),
      none("wu/proposition-e.9", "941-943", Kind.INEQUALITY, "(1/m) ||AA^T||_F^2 >= lambda_min^2(AA^T) + 2 sqrt(log(m)/m)   (49)",
          "a hypothesis of the probabilistic part, which wu/proposition-e.9 does not judge (with probability 1 - O(1/m): no constant)"),
      none("wu/proposition-e.9", "945-947", Kind.INEQUALITY, "g_0 <= (g^*/(2 + delta)) sqrt((||AA^T||_F^2 - 2 sqrt(m log(m)))/m)   (50)",
          "the condition of the probabilistic part, which wu/proposition-e.9 does not judge (probability 1 - O(1/m): no constant)"),
      by("wu/lemma-e.10", "949-951", Kind.INEQUALITY, "g_0 <= g^* sigma_r/(2 + delta - sigma_r)", "wu/lemma-e.10",
          "the statement's condition (sigma the singular values as printed; wu/lemma-e.10#corrected with the eigenvalues)"),
      by("wu/lemma-e.10", "953-955", Kind.HENCE, "||w_T1^perp|| <= eps after iteration T_1 = (1/log(1 + delta)) log(||w_0^perp||/eps)",
          "wu/lemma-e.10", "the statement's conclusion, on runs"),
      none("wu/lemma-e.10", "957-959", Kind.IDENTITY, "A^T A = U Sigma U^T, Sigma = diag(sigma_1, ..., sigma_m, 0_{d-m}) with 1 = "
          + "sigma_1 >= sigma_2 >= ... >= sigma_m > 0   (51)",
          "a definition: it makes sigma_i the eigenvalues of A A^T, not the singular values the statement names (wu/lemma-e.10#corrected)"),
      by("wu/lemma-e.11", "990-992", Kind.INEQUALITY, "g_0 <= (g^*/(2 + delta - sigma_m)) sqrt((||AA^T||_F^2 - 2 sqrt(m log(m)))/m)",
          "wu/lemma-e.11", "the statement's condition"),
      by("wu/lemma-e.11", "994-996", Kind.HENCE, "with probability 1 - O(1/m): ||w_T1^perp|| <= eps after T_1 = (1/log(1 + delta)) "
          + "log(||w_0^perp||/eps)", "wu/lemma-e.11", "the statement, as its claim reads it"),
      none("wu/lemma-e.11", "998-1000", Kind.IDENTITY, "u^* = z/||z||, z ~ N(0, I_d)",
          "a definition (the uniform direction on the sphere)"),
      none("wu/lemma-e.11", "1006-1008", Kind.INEQUALITY, "1 = sigma_1 >= sigma_2 >= ... sigma_r > 0",
          "the ordering of (51) restated: no relation to check"),
      none("wu/lemma-e.11", "1010-1012", Kind.INEQUALITY, "P(sum sigma_i^2 z_i^2 <= sum sigma_i^2 - eps m) <= P(|(1/m) sum sigma_i^2 z_i^2 "
          + "- (1/m) sum sigma_i^2| <= eps) <= 2 exp(-c min(eps^2 m^2/sum sigma_i^4, eps m/max sigma_i^2))   (53)",
          NOT_YET + ": probabilities with an unnamed absolute constant c (Bernstein); as printed the middle event is |.| <= eps, "
              + "where the inclusion the step needs is |.| >= eps"),
      none("wu/lemma-e.11", "1014-1016", Kind.INEQUALITY, "P(sum z_i^2 >= (1 + eps) m) <= P(|(1/m) sum (z_i^2 - 1)| >= eps) <= 2 "
          + "exp(-c min{m eps^2, m eps})   (54)", NOT_YET + ": probabilities with an unnamed absolute constant c (Bernstein)"),
      none("wu/lemma-e.11", "1020-1022", Kind.INEQUALITY, "P(sum sigma_i^2 z_i^2 <= sum sigma_i^2 - sqrt(m log(m))) <= exp(-c m eps^2) "
          + "= (1/m) e^(-c) = O(1/m)   (55)", NOT_YET + ": a probability with an unnamed absolute constant c; exp(-c m eps^2) at "
              + "eps^2 = log(m)/m is m^(-c), not (1/m) e^(-c)"),
      none("wu/lemma-e.11", "1024-1026", Kind.INEQUALITY, "P(sum z_i^2 >= m + sqrt(m log(m))) <= (1/m) e^(-c) = O(1/m)   (56)",
          NOT_YET + ": a probability with an unnamed absolute constant c"),
      by("wu/lemma-e.11", "1028-1030", Kind.IDENTITY, "sum_{i=1}^m (u_i^*)^2 sigma_i^2 = sum z_i^2 sigma_i^2/sum_{r=1}^m z_r^2",
          "wu/lemma-e.11#step-1", "the same display as at line 1004 (a finding: the denominator of u* = z/||z|| runs to d)"),
      none("wu/lemma-e.11", "1030", Kind.INEQUALITY, "sum z_i^2 sigma_i^2/sum_{r=1}^m z_r^2 >= (sum sigma_i^2 - sqrt(m log(m)))/(m + "
          + "sqrt(m log(m))), and (1/m) sum sigma_i^2 - 2 sqrt(log(m)/m) >= sigma_m^2",
          "on the event of (55), (56) (probabilistic), then the lemma's spectral assumption restated; the middle inequality is "
              + "wu/lemma-e.11#step-2"),
      none("wu/lemma-e.11", "1036-1038", Kind.HENCE, "||v_t|| >= (g^*/g_0) sqrt((||AA^T||_F^2 - 2 sqrt(m log(m)))/m) - (1 - sigma_m) >= "
          + "1 + delta => g_0 <= (g^*/(2 + delta - sigma_m)) sqrt((||AA^T||_F^2 - 2 sqrt(m log(m)))/m)",
          NOT_YET + ": on the event of (55), (56); the '=>' runs backwards (the g_0 bound gives ||v_t|| >= 1 + delta, as in (52))"));
}
