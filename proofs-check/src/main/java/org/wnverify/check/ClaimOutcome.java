package org.wnverify.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What checking one claim produced: the verdict, a one-line summary, the measured numbers behind
 * it, the negative controls and, for a failing claim, the counterexample. Immutable; build one
 * with {@link #builder(ClaimId, long)}.
 *
 * @param evidence named measurements in insertion order; values are numbers, strings, booleans,
 *     lists or maps of those, so every report format can render them without knowing the claim
 * @param tables tabular evidence, e.g. drift at each integrator tolerance
 * @param plots charts for the reader (loss with its envelope, slack, a figure beside the paper's
 *     numbers); never what the verdict is read from, and left out of the pinned comparison
 */
public record ClaimOutcome(
    ClaimId id,
    Verdict verdict,
    String summary,
    long seed,
    Map<String, Object> evidence,
    List<EvidenceTable> tables,
    List<NegativeControl> negativeControls,
    Counterexample counterexample,
    double seconds,
    List<Plot> plots) {

  public ClaimOutcome {
    Objects.requireNonNull(id);
    Objects.requireNonNull(verdict);
    Objects.requireNonNull(summary);
    evidence = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    tables = List.copyOf(tables);
    negativeControls = List.copyOf(negativeControls);
    plots = List.copyOf(plots);
  }

  /** An outcome without plots. */
  public ClaimOutcome(ClaimId id, Verdict verdict, String summary, long seed, Map<String, Object> evidence,
      List<EvidenceTable> tables, List<NegativeControl> negativeControls, Counterexample counterexample, double seconds) {
    this(id, verdict, summary, seed, evidence, tables, negativeControls, counterexample, seconds, List.of());
  }

  /** The same outcome with the wall time it took (filled in by the runner). */
  public ClaimOutcome withSeconds(double s) {
    return new ClaimOutcome(id, verdict, summary, seed, evidence, tables, negativeControls, counterexample, s, plots);
  }

  /** The same outcome with another verdict and summary (used when a control survives). */
  public ClaimOutcome withVerdict(Verdict v, String newSummary) {
    return new ClaimOutcome(id, v, newSummary, seed, evidence, tables, negativeControls, counterexample, seconds, plots);
  }

  /** The same outcome with another counterexample (used when merging moves the saved file). */
  public ClaimOutcome withCounterexample(Counterexample c) {
    return new ClaimOutcome(id, verdict, summary, seed, evidence, tables, negativeControls, c, seconds, plots);
  }

  public static Builder builder(ClaimId id, long seed) {
    return new Builder(id, seed);
  }

  /** An INCONCLUSIVE outcome with its reason and nothing else. */
  public static ClaimOutcome inconclusive(ClaimId id, long seed, String reason) {
    return builder(id, seed).verdict(Verdict.INCONCLUSIVE, reason).build();
  }

  /** Accumulates an outcome; not thread-safe, one per check. */
  public static final class Builder {
    private final ClaimId id;
    private final long seed;
    private Verdict verdict = Verdict.INCONCLUSIVE;
    private String summary = "not checked";
    private final Map<String, Object> evidence = new LinkedHashMap<>();
    private final List<EvidenceTable> tables = new ArrayList<>();
    private final List<NegativeControl> controls = new ArrayList<>();
    private final List<Plot> plots = new ArrayList<>();
    private Counterexample counterexample;

    private Builder(ClaimId id, long seed) {
      this.id = id;
      this.seed = seed;
    }

    public Builder verdict(Verdict v, String s) {
      this.verdict = v;
      this.summary = s;
      return this;
    }

    public Builder evidence(String name, Object value) {
      evidence.put(name, value);
      return this;
    }

    public Builder table(EvidenceTable t) {
      tables.add(t);
      return this;
    }

    public Builder control(NegativeControl c) {
      controls.add(c);
      return this;
    }

    /** Adds a chart for the reader; a plot with no point to draw is left out. */
    public Builder plot(Plot p) {
      if (p.hasPoints()) {
        plots.add(p);
      }
      return this;
    }

    public Builder counterexample(Counterexample c) {
      this.counterexample = c;
      return this;
    }

    public ClaimOutcome build() {
      return new ClaimOutcome(id, verdict, summary, seed, evidence, tables, controls, counterexample, 0.0, plots);
    }
  }
}
