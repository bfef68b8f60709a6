package org.wnverify.check.wu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;

/**
 * wu/figure-4 with its early stop: at QUICK size the verdict and every number are those of main before the stop
 * existed (pinned from main 6d41f16, seed 1), since the budget rule's first check lies beyond QUICK's budget.
 */
class Figure4EarlyStopTest {
  @Test
  void quickNumbersUnchangedByTheEarlyStop() {
    ClaimOutcome o = new FigureF(FigureF.Which.FIGURE_4).check(CheckContext.of(1, 6));
    assertThat(o.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(o.summary()).isEqualTo("reduced size (m = 5, d = 12, 1 trial(s); the paper: m = 20, d = 50, 3 trial(s)): "
        + "top increases no (-0.00342), smaller than GD yes (0.247), grows less than GD yes (0.00243), bottom close for "
        + "any kappa no (0.424); only --profile paper judges the paper's experiment");
    assertThat(o.evidence()).containsEntry("unfinished runs (iteration cap before loss 1e-5)", 3)
        .containsEntry("#bottom-other-labelling: max | ||x_hat|| - g* | / g* with w frozen for 5000 iterations",
            0.22122735319089962)
        .containsEntry("#top-increases: min over WN, rPGD of (norm at largest kappa - norm at kappa = 1) / g*",
            -0.0034153217623609975)
        .containsEntry("#top-smaller-than-gd: min over kappa of (GD norm - max(WN, rPGD norm)) / g*", 0.24735841495530808)
        .containsEntry("#top-increase-less-than-gd: min of (GD increase - WN/rPGD increase) / g*", 0.0024345913319239187)
        .containsEntry("#bottom-close-for-any-kappa: max | ||x_hat|| - g* | / g* of WN and rPGD", 0.42418027793068475);
    assertThat(o.tables().get(0).rows()).containsExactly(
        List.of(0, 1.0, 3.8971623378966402, 3.155087093030716, 3.150119235994789, 2.9959448880819117, 2.3452078799117153,
            "647/260/258 | -/5038/100000"),
        List.of(0, 3.0, 3.8958730557851204, 3.1518413092609157, 3.148233663996582, 2.990403845755253, 1.7532208531994247,
            "3138/1043/1037 | -/5148/100000"),
        List.of(0, 10.0, 3.895767462771011, 3.144841127743633, 3.141420586873388, 2.9768220524842794, 1.7274591662079457,
            "21487/4962/4930 | -/5643/100000"));
  }
}
