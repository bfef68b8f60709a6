package org.wnverify.check.ewn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;

/** The figure experiments of issue 16: verdicts on seed 1 at QUICK size, and every control rejected. */
class FigureExperimentsTest {
  static ClaimOutcome run(String id) {
    for (Claim c : FigureExperiments.claims()) {
      if (c.id().toString().equals(id)) {
        return c.check(CheckContext.of(1, 2));
      }
    }
    throw new AssertionError("no claim " + id);
  }

  static void assertControlsRejected(ClaimOutcome o) {
    assertThat(o.negativeControls()).as(o.id() + " has controls").isNotEmpty();
    for (NegativeControl c : o.negativeControls()) {
      assertThat(c.rejected()).as(o.id() + " control " + c.mutation() + ": " + c.detail()).isTrue();
    }
  }

  /**
   * The other normalization's quantity differs from SWN's by 2 log ||w_u||, which the Lin-Sep SWN
   * draws' supported nodes share to within the tolerance: no draw decides that control, so it is
   * judged on the dedicated Lin-Sep instance with unequal norms (DistinctNorms#linSep) and rejected
   * there (issue 19); the other two are rejected on the draws.
   */
  @Test
  void linSepSwnHoldsAsPrinted() {
    ClaimOutcome o = run("ewn/lin-sep#swn");
    assertThat(o.verdict()).as(o.summary()).isEqualTo(Verdict.HOLDS);
    assertControlsRejected(o);
    assertThat(o.tables().get(0).rows()).anyMatch(r -> r.get(0).toString().startsWith(DistinctNorms.LIN_SEP_LABEL));
  }

  /**
   * At e^-200 .. e^-300 the Theorem 2 spread of the EWN GD runs is ~0.2 and still shrinking, and
   * the misalignment of the supported nodes is above 0.03 on one node but shrinking there: a finite
   * run to the figure's loss decides neither (it used to be reported VIOLATED: the soak showed that
   * rule turning slow settling into false findings).
   */
  @Test
  void linSepEwnIsUndecidedAtTheFiguresLossLevels() {
    ClaimOutcome o = run("ewn/lin-sep#ewn");
    assertThat(o.verdict()).as(o.summary()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(o.summary()).contains("undecided");
    assertControlsRejected(o);
  }

  @Test
  void xor() {
    ClaimOutcome o = run("ewn/xor");
    assertThat(o.verdict()).as(o.summary()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(o.summary()).contains("more than 4 still growing at e^-500");
    assertControlsRejected(o);
  }

  @Test
  void figure6() {
    ClaimOutcome o = run("ewn/figure-6");
    assertThat(o.verdict()).as(o.summary()).isEqualTo(Verdict.HOLDS);
    assertControlsRejected(o);
  }

  /**
   * Figure 6's sentences are decided over draws by a sign test: two failing draws of 12 still hold
   * (soak seeds 23, 32 failed on their one draw), three are undecided, a failing majority violates.
   */
  @Test
  void figure6SignTestOverDraws() {
    assertThat(DepthRateExperiment.tail(12, 12)).isEqualTo(1.0 / 4096);
    assertThat(DepthRateExperiment.tail(0, 5)).isEqualTo(1.0);
    assertThat(DepthRateExperiment.majority(10, 2, 12)).isEqualTo(Verdict.HOLDS);
    assertThat(DepthRateExperiment.majority(9, 3, 12)).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(DepthRateExperiment.majority(9, 0, 12)).as("undecided draws count against").isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(DepthRateExperiment.majority(9, 2, 11)).isEqualTo(Verdict.HOLDS);
    assertThat(DepthRateExperiment.majority(1, 11, 12)).isEqualTo(Verdict.VIOLATED);
    assertThat(DepthRateExperiment.majority(0, 0, 0)).isEqualTo(Verdict.INCONCLUSIVE);
  }

  /**
   * Soak seeds (--samples 20, issue 21) whose one-draw or any-draw verdicts were VIOLATED: Figure 6
   * on seed 32 (a stalled 1-layer EWN run on draw 1), Lin-Sep EWN on seeds 4 (Proposition 2 (ii)
   * at 0.033 against 0.03), 11 (a settling loss vector failed by the premise test) and 13 (one draw
   * with a flat Theorem 2 spread of 0.36). Over the draws none is VIOLATED.
   */
  @org.junit.jupiter.params.ParameterizedTest(name = "{0} seed {1}")
  @org.junit.jupiter.params.provider.CsvSource({"ewn/figure-6, 32", "ewn/lin-sep#ewn, 4", "ewn/lin-sep#ewn, 11",
      "ewn/lin-sep#ewn, 13"})
  void soakSeedsAreNotViolatedOverTheDraws(String id, long seed) {
    for (Claim c : FigureExperiments.claims()) {
      if (c.id().toString().equals(id)) {
        ClaimOutcome o = c.check(new CheckContext(seed, 20, null, org.wnverify.check.instance.InstanceStore.none(),
            Long.MAX_VALUE, CheckContext.Profile.QUICK));
        assertThat(o.verdict()).as(id + " seed " + seed + ": " + o.summary()).isNotIn(Verdict.VIOLATED, Verdict.REFUTED);
        return;
      }
    }
    throw new AssertionError("no claim " + id);
  }

  @Test
  void figure7WithoutDataSaysWhatToSupply() {
    ClaimOutcome o = new MnistPruningExperiment(Optional::empty, MnistPruningExperiment.QUICK)
        .check(CheckContext.of(1, 2));
    assertThat(o.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(o.summary()).contains("-Dwnverify.mnist=DIR", "WNVERIFY_MNIST", "train-images-idx3-ubyte",
        "t10k-labels-idx1-ubyte");
  }

  @Test
  void figure7NamesTheMissingFile(@TempDir Path dir) throws IOException {
    writeMnist(dir, 40, 20);
    Files.delete(dir.resolve("t10k-labels-idx1-ubyte"));
    ClaimOutcome o = new MnistPruningExperiment(() -> Optional.of(dir), MnistPruningExperiment.QUICK)
        .check(CheckContext.of(1, 2));
    assertThat(o.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(o.summary()).contains("lacks t10k-labels-idx1-ubyte");
  }

  @Test
  void figure7ReadsIdxFilesAndJudgesAtReducedSize(@TempDir Path dir) throws IOException {
    writeMnist(dir, 60, 30);
    MnistPruningExperiment.Sizes tiny = new MnistPruningExperiment.Sizes("test: 12 hidden", 0, 0, 12, 20, 4000);
    ClaimOutcome o = new MnistPruningExperiment(() -> Optional.of(dir), tiny).check(CheckContext.of(1, 2));
    assertThat(o.verdict()).as(o.summary() + " " + o.tables()).isEqualTo(Verdict.INCONCLUSIVE);
    assertThat(o.summary()).contains("reduced size");
    assertThat(o.evidence().get("data").toString()).contains("60 training and 30 test images of 16 pixels");
    assertThat(o.negativeControls()).hasSize(3);
  }

  /**
   * Synthetic IDX files in MNIST's layout: 4 x 4 byte images whose class c in 0..9 lights pixel c
   * (plus noise), so a small net separates them.
   */
  static void writeMnist(Path dir, int train, int test) throws IOException {
    SplittableRandom r = new SplittableRandom(5);
    write(dir, "train-images-idx3-ubyte", "train-labels-idx1-ubyte", train, r);
    write(dir, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte", test, r);
  }

  static void write(Path dir, String images, String labels, int n, SplittableRandom r) throws IOException {
    int[] y = new int[n];
    try (DataOutputStream im = new DataOutputStream(Files.newOutputStream(dir.resolve(images)));
        DataOutputStream lb = new DataOutputStream(Files.newOutputStream(dir.resolve(labels)))) {
      im.writeInt(0x00000803);
      im.writeInt(n);
      im.writeInt(4);
      im.writeInt(4);
      lb.writeInt(0x00000801);
      lb.writeInt(n);
      for (int i = 0; i < n; i++) {
        y[i] = i % 10;
        for (int p = 0; p < 16; p++) {
          im.writeByte(p == y[i] ? 255 : r.nextInt(40));
        }
        lb.writeByte(y[i]);
      }
    }
  }
}
