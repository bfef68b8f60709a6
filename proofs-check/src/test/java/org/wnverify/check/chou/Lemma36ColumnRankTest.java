package org.wnverify.check.chou;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.wnverify.numeric.ode.LearningRate;

/**
 * Issue 19: the control "c_x^(2L-2) with A_I of full column rank only" of Lemma 3.6 survived
 * selftest seed 16, whose samples have no index set with |I| < M on which the rate fails. The
 * dedicated instance decides it: the control fails there for both learning rates while the
 * corrected statement (rank(A_I) = M) holds, so it is the dropped hypothesis that breaks it.
 */
class Lemma36ColumnRankTest {
  @Test
  void theDedicatedInstanceRefutesTheColumnRankControlAndMeetsTheCorrectedLemma() {
    for (LearningRate rate : LearningRate.values()) {
      Lemma36Rate.Run r = Lemma36Rate.run(Lemma36Rate.COLUMN_RANK_MISSED, rate);
      assertThat(r.problem()).as(rate.name()).isNull();
      Lemma36Rate.Worst control = Lemma36Rate.worst(r, Lemma36Rate.Form.COLUMN_RANK);
      Lemma36Rate.Worst corrected = Lemma36Rate.worst(r, Lemma36Rate.Form.CORRECTED);
      assertThat(control.violated()).as(rate + ": " + control.describe(2)).isTrue();
      assertThat(corrected.violated()).as(rate + ": " + corrected.describe(2)).isFalse();
    }
  }
}
