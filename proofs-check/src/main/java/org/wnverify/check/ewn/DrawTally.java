package org.wnverify.check.ewn;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.wnverify.check.Verdict;
import org.wnverify.numeric.network.NetworkInstance;

/**
 * Sentences judged on each of several draws of a figure's setup, then decided over the draws by the
 * sign test {@link DepthRateExperiment#majority}: per sentence, in the order first seen, on how many
 * draws it held, failed and was undecided, and its first failing draw (the instance, saved as the
 * counterexample when the sentence fails over the draws, and a description). Figure 6 and the
 * Lin-Sep captions describe one typical draw, and both read their sentences this way.
 */
final class DrawTally {
  private final Map<String, int[]> counts = new LinkedHashMap<>();
  private final Map<String, NetworkInstance> firstFailing = new HashMap<>();
  private final Map<String, String> firstFailure = new HashMap<>();

  /**
   * One draw's verdict on a sentence. A VIOLATED verdict on a sentence not yet failed records the
   * draw; {@code where} (called only then) describes it. Controls pass a null instance: nothing is
   * recorded for them.
   */
  void add(String sentence, Verdict v, NetworkInstance instance, Supplier<String> where) {
    counts.computeIfAbsent(sentence, k -> new int[3])[v == Verdict.HOLDS ? 0 : v == Verdict.VIOLATED ? 1 : 2]++;
    if (v == Verdict.VIOLATED && instance != null && !firstFailing.containsKey(sentence)) {
      firstFailing.put(sentence, instance);
      firstFailure.put(sentence, where.get());
    }
  }

  Set<String> sentences() {
    return counts.keySet();
  }

  /** {held, failed, undecided} draws of the sentence. */
  int[] counts(String sentence) {
    return counts.getOrDefault(sentence, new int[3]);
  }

  /** The sentence over {@code draws} judged draws. */
  Verdict verdict(String sentence, int draws) {
    int[] c = counts(sentence);
    return DepthRateExperiment.majority(c[0], c[1], draws);
  }

  /** "; first failing: ..." for the sentence, or "" if no draw failed it. */
  String firstFailureNote(String sentence) {
    String f = firstFailure.get(sentence);
    return f == null ? "" : "; first failing: " + f;
  }

  /** The first draw that failed the sentence, or null. */
  NetworkInstance firstFailing(String sentence) {
    return firstFailing.get(sentence);
  }
}
