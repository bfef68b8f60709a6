package org.wnverify.check.wu;

import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimProvider;

/** The numeric claims of Wu et al. (the symbolic identities are in SymbolicIdentityClaims). */
public final class WuClaims implements ClaimProvider {
  @Override
  public List<Claim> claims() {
    return List.of(new Lemma22ApproachFlow(), new Lemma25Invariant.AlongTrajectories(),
        new Lemma25Invariant.SquaredNorm(false), new Lemma25Invariant.SquaredNorm(true),
        new Theorem26.Dichotomy(false), new Theorem26.Dichotomy(true),
        new Theorem26.Dichotomy(Theorem26.Dichotomy.Range.PART_II_CORRECTED), new Theorem26.ClosedForm(false),
        new Theorem26.ClosedForm(true), new Theorem26.SufficientCondition(),
        new Theorem26PartII(Theorem26PartII.Mode.ORTHOGONAL, false), new Theorem26PartII(Theorem26PartII.Mode.ORTHOGONAL, true),
        new Theorem26PartII(Theorem26PartII.Mode.GENERAL, false), new Theorem26PartII(Theorem26PartII.Mode.GENERAL, true),
        new Theorem26PartII(Theorem26PartII.Mode.RESTART, false), new Lemma23Stationary(), new Lemma24Rate(),
        new Theorem27Times(), new Example2d(Example2d.Part.LIMIT), new Example2d(Example2d.Part.LIMIT_CORRECTED),
        new Example2d(Example2d.Part.CLOSER), new Example2d(Example2d.Part.SPURIOUS),
        new Theorem32Counts(Theorem32Counts.Statement.CASE_A), new Theorem32Counts(Theorem32Counts.Statement.CASE_B),
        new Theorem32Counts(Theorem32Counts.Statement.E1), new Theorem32Counts(Theorem32Counts.Statement.E7),
        new Proposition33(false), new Proposition33(true), new Figure1(),
        new AppendixE1Lemmas(AppendixE1Lemmas.Statement.E2), new AppendixE1Lemmas(AppendixE1Lemmas.Statement.E3), new AppendixE1Lemmas(AppendixE1Lemmas.Statement.E3_CORRECTED), new AppendixE1Lemmas(AppendixE1Lemmas.Statement.E4), new AppendixE1Lemmas(AppendixE1Lemmas.Statement.E4_CORRECTED), new AppendixE1Lemmas(AppendixE1Lemmas.Statement.E5), new AppendixE1Lemmas(AppendixE1Lemmas.Statement.E5_CORRECTED), new AppendixE1Lemmas(AppendixE1Lemmas.Statement.E6), new AppendixE1Lemmas(AppendixE1Lemmas.Statement.E6_CORRECTED), new LemmaE8PhaseTwo(false), new LemmaE8PhaseTwo(true), new LemmasE10E11(LemmasE10E11.Statement.E10), new LemmasE10E11(LemmasE10E11.Statement.E10_CORRECTED), new LemmasE10E11(LemmasE10E11.Statement.E11),
        new LemmaC1Bound(false), new LemmaC1Bound(true),
        new TheoremD2Invariant(TheoremD2Invariant.Mode.LOGISTIC), new TheoremD2Invariant(TheoremD2Invariant.Mode.LEAST_SQUARES),
        new TheoremD2Invariant(TheoremD2Invariant.Mode.RATIO_C), new TheoremD2Invariant(TheoremD2Invariant.Mode.RATIO_C_CORRECTED),
        new AssumptionD1(), new AppendixA(AppendixA.Statement.WN_UPDATE), new AppendixA(AppendixA.Statement.RPGD_UPDATE),
        new AppendixA(AppendixA.Statement.WN_LAMBDA), new AppendixA(AppendixA.Statement.WN_LAMBDA_CORRECTED),
        new AppendixA(AppendixA.Statement.RPGD_LAMBDA), new AppendixA(AppendixA.Statement.RPGD_LAMBDA_CORRECTED),
        new AppendixA(AppendixA.Statement.SMALL_GAMMA), new AppendixA(AppendixA.Statement.SMALL_GAMMA_CORRECTED),
        new FigureF(FigureF.Which.FIGURE_3), new FigureF(FigureF.Which.FIGURE_4),
        new Theorem26FlowLimitStep(),
        new Figure5());
  }
}
