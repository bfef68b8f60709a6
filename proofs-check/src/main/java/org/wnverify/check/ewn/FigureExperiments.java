package org.wnverify.check.ewn;

import java.util.List;
import org.wnverify.check.Claim;
import org.wnverify.numeric.network.Parameterization;

/** The figure experiments of Sections 4-6 (issue 16): Lin-Sep, XOR, Figure 6, Figure 7. */
final class FigureExperiments {
  private FigureExperiments() {}

  static List<Claim> claims() {
    return List.of(new LinSepExperiment(Parameterization.EWN), new LinSepExperiment(Parameterization.SWN),
        new XorExperiment(), new DepthRateExperiment(),
        new MnistPruningExperiment());
  }
}
