package org.wnverify.check.steps;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.wnverify.check.CheckContext;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Counterexample;
import org.wnverify.check.DescribedClaim;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.check.problem.Shrinker;

/**
 * A displayed inequality (or a "hence" / "minimum of" conclusion) inside a printed proof, checked
 * on numbers (issue 20). The proof's standing assumptions at that point are a predicate on a
 * {@link StepPoint}; the check evaluates both sides of the display at the corners (the boundary
 * cases the proof must cover, and for a "hence" the very numbers the proof uses) and at points
 * drawn from the claim's own random stream, and reports the smallest relative slack and where it
 * occurs. A point that meets the assumptions and violates the display beyond {@link #REL_TOL} is
 * shrunk (entries set to 0, 1 or rounded, the assumptions re-checked at every candidate) into the
 * counterexample. Every step carries negative controls (the display with a flipped sign, a wrong
 * constant or exponent) run on the very same points: a control that is not violated somewhere
 * means the points cannot tell the display from its mutation, and the step is INCONCLUSIVE.
 * Sampling never proves: the best verdict is HOLDS.
 */
public final class SampledStep extends DescribedClaim {
  /**
   * Relative slack below which a point violates the display. Both sides are sums of O(N^2)
   * products of O(1)..O(e^10) doubles, whose rounding is below 1e-12 relative; every mutation the
   * controls make moves the relative slack by 1e-3 or more at some point, so 1e-9 separates
   * rounding from a wrong display with room on both sides.
   */
  public static final double REL_TOL = 1e-9;
  /** Random points per {@code --samples} unit: a point costs microseconds, so hundreds are cheap. */
  static final int DRAWS_PER_SAMPLE = 64;
  /** At least this many random points whatever {@code --samples} is, so corners never stand alone. */
  static final int MIN_DRAWS = 256;
  /** Fewer accepted random points than this means the sampler misses the assumptions: INCONCLUSIVE. */
  static final int MIN_ACCEPTED = 32;

  /** How the two sides of a display compare. */
  public enum Relation {
    LE("<="), GE(">="), EQ("=");

    final String symbol;

    Relation(String symbol) {
      this.symbol = symbol;
    }
  }

  /** What the display is in the proof: an inequality between two expressions, or a "hence". */
  public enum Mode {
    INEQUALITY("inequality"), HENCE("hence / minimum of");

    public final String label;

    Mode(String label) {
      this.label = label;
    }
  }

  /** One reading of the display: its two sides and how they compare. */
  public record Form(ToDoubleFunction<StepPoint> lhs, Relation relation, ToDoubleFunction<StepPoint> rhs) {
    /** Relative slack at p: >= 0 where the form holds, NaN where a side is not finite. */
    double slack(StepPoint p) {
      double l = lhs.applyAsDouble(p);
      double r = rhs.applyAsDouble(p);
      if (!Double.isFinite(l) || !Double.isFinite(r)) {
        return Double.NaN;
      }
      double scale = Math.max(1.0, Math.max(Math.abs(l), Math.abs(r)));
      return switch (relation) {
        case LE -> (r - l) / scale;
        case GE -> (l - r) / scale;
        case EQ -> -Math.abs(l - r) / scale;
      };
    }

    String at(StepPoint p) {
      return String.format(Locale.ROOT, "lhs %.10g %s rhs %.10g fails at %s", lhs.applyAsDouble(p), relation.symbol,
          rhs.applyAsDouble(p), p);
    }
  }

  /** A mutated display the same points must reject. */
  public record Control(String mutation, Form form) {}

  /** Draws one point of the proof's state space (it may miss the assumptions; those are counted). */
  @FunctionalInterface
  public interface Sampler {
    StepPoint draw(SplittableRandom rnd);
  }

  private final Mode mode;
  private final Form printed;
  private final List<Control> controls;
  private final List<StepPoint> corners;
  private final Sampler sampler;
  private final Function<StepPoint, Optional<String>> assumptions;
  private final List<String> fixed;
  private final List<String> notes;

  private SampledStep(Builder b) {
    super(ClaimId.parse(b.id), b.location, b.display, ClaimKind.PROOF_STEP);
    this.mode = b.mode;
    this.printed = b.printed;
    this.controls = List.copyOf(b.controls);
    this.corners = List.copyOf(b.corners);
    this.sampler = b.sampler;
    this.assumptions = b.assumptions;
    this.fixed = List.copyOf(b.fixed);
    this.notes = List.copyOf(b.notes);
    if (printed == null || controls.isEmpty()) {
      throw new IllegalStateException(b.id + ": a sampled step needs its printed form and at least one negative control");
    }
    if (sampler == null && corners.isEmpty()) {
      throw new IllegalStateException(b.id + ": a sampled step needs a sampler or the proof's numbers");
    }
  }

  public static Builder inequality(String id, String location, String display) {
    return new Builder(Mode.INEQUALITY, id, location, display);
  }

  public static Builder hence(String id, String location, String display) {
    return new Builder(Mode.HENCE, id, location, display);
  }

  public Mode mode() {
    return mode;
  }

  public List<String> notes() {
    return notes;
  }

  /** Why p misses the proof's standing assumptions at this display, or empty if it meets them. */
  Optional<String> unmet(StepPoint p) {
    return assumptions.apply(p);
  }

  @Override
  public Optional<org.wnverify.check.problem.ProblemFamily<?>> family() {
    return Optional.of(StepPointFamily.INSTANCE);
  }

  /** A supplied point of this step: its assumptions; a point of another step is not this step's instance. */
  @Override
  public Optional<String> unmetHypothesis(org.wnverify.numeric.problem.ProblemInstance instance) {
    if (!(instance instanceof StepInstance s) || !s.step().equals(id().toString())) {
      return Optional.of("not a point of " + id() + " (the file's \"step\" names another step)");
    }
    try {
      return unmet(s.point());
    } catch (IllegalArgumentException e) {
      return Optional.of("the point lacks a value of this step: " + e.getMessage());
    }
  }

  /** {@code --instance} of this step: the display and its controls at that one point. */
  private ClaimOutcome replay(CheckContext context, StepPoint p) {
    long seed = context.seedFor(id());
    ClaimOutcome.Builder b = ClaimOutcome.builder(id(), seed);
    b.evidence("step kind", mode.label);
    b.evidence("supplied point", p.toString());
    Optional<String> miss = unmetHypothesis(new StepInstance(id().toString(), p));
    if (miss.isPresent()) {
      return b.verdict(Verdict.INCONCLUSIVE, "the supplied point misses the proof's standing assumptions: " + miss.get()).build();
    }
    for (Control c : controls) {
      boolean rejected = violates(c.form(), p);
      b.control(new NegativeControl(c.mutation(), rejected ? Verdict.VIOLATED : Verdict.HOLDS,
          rejected ? c.form().at(p) : "holds at the supplied point"));
    }
    double s = printed.slack(p);
    b.evidence("relative slack", s);
    if (Double.isNaN(s)) {
      return b.verdict(Verdict.INCONCLUSIVE, "a side is not finite at the supplied point").build();
    }
    if (s < -REL_TOL) {
      b.counterexample(new Counterexample("printed " + mode.label + " " + printed.at(p) + " (the supplied point)", p.asMap(), null));
      return b.verdict(Verdict.VIOLATED, "printed display fails: " + printed.at(p)).build();
    }
    return b.verdict(Verdict.HOLDS, String.format(Locale.ROOT, "holds at the supplied point; relative slack %.3g", s)).build();
  }

  private boolean violates(Form f, StepPoint p) {
    double s = f.slack(p);
    return unmet(p).isEmpty() && s < -REL_TOL;
  }

  @Override
  public ClaimOutcome check(CheckContext context) {
    Optional<StepInstance> supplied = context.suppliedInstance(StepPointFamily.INSTANCE)
        .filter(si -> si.step().equals(id().toString()));
    if (supplied.isPresent()) {
      return replay(context, supplied.get().point());
    }
    long seed = context.seedFor(id());
    ClaimOutcome.Builder b = ClaimOutcome.builder(id(), seed);
    b.evidence("step kind", mode.label);
    if (!notes.isEmpty()) {
      b.evidence("notes", notes);
    }
    List<StepPoint> points = new ArrayList<>();
    int rejected = 0;
    for (StepPoint c : corners) {
      if (unmet(c).isPresent()) {
        return ClaimOutcome.inconclusive(id(), seed, "internal error: corner " + c + " misses the standing assumptions ("
            + unmet(c).get() + ")");
      }
      points.add(c);
    }
    int accepted = 0;
    if (sampler != null) {
      SplittableRandom rnd = context.random(id());
      int draws = Math.max(MIN_DRAWS, DRAWS_PER_SAMPLE * Math.max(1, context.samples()));
      for (int i = 0; i < draws; i++) {
        StepPoint p = sampler.draw(rnd);
        if (unmet(p).isPresent()) {
          rejected++;
        } else {
          points.add(p);
          accepted++;
        }
      }
      if (accepted < MIN_ACCEPTED) {
        return b.verdict(Verdict.INCONCLUSIVE, "only " + accepted + " of " + draws
            + " random points meet the proof's standing assumptions").build();
      }
    }
    context.checkpoint();
    double min = Double.POSITIVE_INFINITY;
    StepPoint argmin = null;
    int undecided = 0;
    for (StepPoint p : points) {
      double s = printed.slack(p);
      if (Double.isNaN(s)) {
        undecided++;
      } else if (s < min) {
        min = s;
        argmin = p;
      }
    }
    b.evidence("corners (boundary cases and the proof's numbers)", corners.size());
    b.evidence("random points meeting the standing assumptions", accepted);
    b.evidence("random points rejected by the standing assumptions", rejected);
    b.evidence("points where a side is not finite", undecided);
    b.evidence("relative tolerance", REL_TOL);
    if (argmin == null) {
      return b.verdict(Verdict.INCONCLUSIVE, "no point where both sides are finite").build();
    }
    b.evidence("minimum relative slack", min);
    b.evidence("minimum slack at", argmin.toString());
    boolean allRejected = true;
    for (Control c : controls) {
      StepPoint witness = points.stream().filter(p -> violates(c.form(), p)).findFirst().orElse(null);
      if (witness != null) {
        b.control(new NegativeControl(c.mutation(), Verdict.VIOLATED, c.form().at(witness)));
      } else {
        allRejected = false;
        b.control(new NegativeControl(c.mutation(), Verdict.HOLDS, "holds at all " + points.size() + " points"));
      }
    }
    if (min < -REL_TOL) {
      // Shrink from the first violating point: corners come first and are small and round, so a
      // violated corner gives the most readable counterexample; else the first random violator.
      StepPoint start = points.stream().filter(q -> violates(printed, q)).findFirst().orElse(argmin);
      Shrinker.Result<StepPoint> r = Shrinker.shrink(start, p -> p.simpler(fixed), p -> violates(printed, p),
          context::checkpoint, Shrinker.DEFAULT_BUDGET);
      StepPoint p = r.instance();
      Map<String, Object> instance = p.asMap();
      // saved like every claim's counterexample, so that check ID --instance FILE replays the point
      String saved = context.store().saveCounterexample(id(), "point", new StepInstance(id().toString(), p))
          .map(java.nio.file.Path::toString).orElse(null);
      b.counterexample(new Counterexample("printed " + mode.label + " " + printed.at(p) + " (relative slack "
          + String.format(Locale.ROOT, "%.3g", printed.slack(p)) + "; shrunk from the first violating point in "
          + r.tried() + " tries)", instance, saved));
      return b.verdict(Verdict.VIOLATED, "printed display fails: " + printed.at(p)).build();
    }
    if (!allRejected) {
      return b.verdict(Verdict.INCONCLUSIVE, "a negative control holds at every point, so the points have no power; "
          + "minimum relative slack " + String.format(Locale.ROOT, "%.3g", min)).build();
    }
    return b.verdict(Verdict.HOLDS, String.format(Locale.ROOT, "holds at all %d points (%d corners); minimum relative "
        + "slack %.3g", points.size() - undecided, corners.size(), min)).build();
  }

  /** Assembles one step. */
  public static final class Builder {
    private final Mode mode;
    private final String id;
    private final String location;
    private final String display;
    private Form printed;
    private final List<Control> controls = new ArrayList<>();
    private final List<StepPoint> corners = new ArrayList<>();
    private Sampler sampler;
    private Function<StepPoint, Optional<String>> assumptions = p -> Optional.empty();
    private final List<String> fixed = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private Builder(Mode mode, String id, String location, String display) {
      this.mode = mode;
      this.id = id;
      this.location = location;
      this.display = display;
    }

    public Builder printed(ToDoubleFunction<StepPoint> lhs, Relation rel, ToDoubleFunction<StepPoint> rhs) {
      this.printed = new Form(lhs, rel, rhs);
      return this;
    }

    public Builder control(String mutation, ToDoubleFunction<StepPoint> lhs, Relation rel, ToDoubleFunction<StepPoint> rhs) {
      controls.add(new Control(mutation, new Form(lhs, rel, rhs)));
      return this;
    }

    /** The same sides with the relation reversed: the "flipped sign" control every inequality gets. */
    public Builder flippedControl() {
      Relation r = switch (printed.relation()) {
        case LE -> Relation.GE;
        case GE -> Relation.LE;
        case EQ -> throw new IllegalStateException(id + ": an equality has no flipped relation");
      };
      controls.add(new Control("relation reversed (" + printed.relation().symbol + " read as " + r.symbol + ")",
          new Form(printed.lhs(), r, printed.rhs())));
      return this;
    }

    public Builder corner(StepPoint p) {
      corners.add(p);
      return this;
    }

    public Builder corners(List<StepPoint> ps) {
      corners.addAll(ps);
      return this;
    }

    public Builder sampler(Sampler s) {
      this.sampler = s;
      return this;
    }

    public Builder assumptions(Function<StepPoint, Optional<String>> a) {
      this.assumptions = a;
      return this;
    }

    /** Values the shrinker must leave alone (dimensions, index sets, the proof's given numbers). */
    public Builder fixed(String... names) {
      fixed.addAll(List.of(names));
      return this;
    }

    public Builder note(String text) {
      notes.add(text);
      return this;
    }

    public SampledStep build() {
      return new SampledStep(this);
    }
  }
}
