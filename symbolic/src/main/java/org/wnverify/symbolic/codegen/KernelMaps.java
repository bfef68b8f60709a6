package org.wnverify.symbolic.codegen;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.symbolic.Expression;
import org.wnverify.symbolic.SymbolicEngine;

/**
 * The scalar maps the kernels are built from. They are the only formulas in the kernels; the
 * rest is fixed loop structure (see {@link KernelSources}), whose equality with the full symbolic
 * gradients and vector fields is proved in {@code derive} for fixed small N. The invariant maps
 * are also the ones {@code derive} differentiates along the flow for Lemma 3.8, so the kernel
 * and the proof share one source text.
 */
public final class KernelMaps {
  private KernelMaps() {}

  private static final ScalarMap.Param X = new ScalarMap.Param("x", "x");
  private static final ScalarMap.Param U = new ScalarMap.Param("u", "u");
  private static final ScalarMap.Param R = new ScalarMap.Param("r", "r");
  private static final ScalarMap.Param L = ScalarMap.Param.integer("L", "depth");
  private static final ScalarMap.Param G = new ScalarMap.Param("g", "g");
  private static final ScalarMap.Param C = new ScalarMap.Param("cc", "c");
  private static final ScalarMap.Param ETA = new ScalarMap.Param("eta", "eta");

  /** (10): the elementwise power x^L in A x^L - b. */
  public static final ScalarMap POWER = new ScalarMap("power", "(10): entry of x^(.L)", "x^L", List.of(X, L));

  /** (22): d/dx (x^L/L), the factor x^(L-1) of the gradient. */
  public static final ScalarMap GRADIENT_FACTOR =
      new ScalarMap("gradientFactor", "(22): derivative of the entry x^L/L", "D(x^L/L, x)", List.of(X, L));

  /** (31), L = 2. */
  public static final ScalarMap GF_INVARIANT_LOG =
      new ScalarMap("gfInvariantLog", "(31), L = 2: log x", "Log(x)", List.of(X));

  /** (31), L != 2. */
  public static final ScalarMap GF_INVARIANT_POWER =
      new ScalarMap("gfInvariantPower", "(31), L != 2: x^(2-L)", "x^(2-L)", List.of(X, L));

  /** (32), L = 2, as printed: log(u exp(r^2/(2 eta))). The proof of Lemma 3.8 differentiates this. */
  public static final ScalarMap WN_INVARIANT_LOG =
      new ScalarMap("wnInvariantLogPrinted", "(32), L = 2: log(u exp(r^2/(2 eta)))",
          "Log(u*Exp(r^2/(2*eta)))", List.of(U, R, ETA));

  /** (32), L != 2, as printed: u^(2-L) exp((2-L) r^2/(2 eta)). The proof of Lemma 3.8 differentiates this. */
  public static final ScalarMap WN_INVARIANT_POWER =
      new ScalarMap("wnInvariantPowerPrinted", "(32), L != 2: u^(2-L) exp((2-L) r^2/(2 eta))",
          "u^(2-L)*Exp((2-L)*r^2/(2*eta))", List.of(U, R, L, ETA));

  /**
   * (32), L = 2, in the log domain: PowerExpand of log(u exp(r^2/(2 eta))) = log(u) + r^2/(2 eta)
   * for u > 0. The printed form overflows in exp once r^2/(2 eta) > 709 (eta = 0.01, r = 4); this
   * one does not. Its equality with the printed map is proved before the kernel is written.
   */
  public static final ScalarMap WN_INVARIANT_LOG_DOMAIN =
      new ScalarMap("wnInvariantLog", "(32), L = 2, log domain: PowerExpand(log(u exp(r^2/(2 eta))))",
          "PowerExpand(" + WN_INVARIANT_LOG.source() + ")", List.of(U, R, ETA));

  /**
   * (32), L != 2: the logarithm of the printed entry, (2-L) r^2/(2 eta) + (2-L) log u (PowerExpand,
   * u > 0); the kernel returns exp of it, so a huge u^(2-L) and a tiny exp((2-L) r^2/(2 eta)) (or
   * the reverse) no longer overflow or underflow separately.
   */
  public static final ScalarMap WN_INVARIANT_POWER_EXPONENT =
      new ScalarMap("wnInvariantPowerExponent", "(32), L != 2: log of u^(2-L) exp((2-L) r^2/(2 eta)) (PowerExpand)",
          "PowerExpand(Log(" + WN_INVARIANT_POWER.source() + "))", List.of(U, R, L, ETA));

  /** Wu et al. (6): log of the scale exp(g^2/(2c)) of w_perp. */
  public static final ScalarMap WU_INVARIANT_LOG_SCALE =
      new ScalarMap("wuInvariantLogScale", "Wu et al. (6): log of exp(g^2/(2c))", "PowerExpand(Log(Exp(g^2/(2*cc))))",
          List.of(G, C));

  private static final ScalarMap.Param R0 = new ScalarMap.Param("r0", "r0");
  private static final ScalarMap.Param Y = new ScalarMap.Param("y", "y");

  /** (42): the re-scaling factor gamma(r0, r) = (r/r0) exp((r0^2 - r^2)/(2 eta)). */
  public static final ScalarMap GAMMA =
      new ScalarMap("gammaFactor", "(42): gamma(r0, r) = (r/r0) exp((r0^2 - r^2)/(2 eta))",
          "(r/r0)*Exp((r0^2 - r^2)/(2*eta))", List.of(R0, R, ETA));

  /** (42) in the log domain (r0, r > 0): log gamma = log r - log r0 + (r0^2 - r^2)/(2 eta). */
  public static final ScalarMap LOG_GAMMA =
      new ScalarMap("logGamma", "(42), log domain: PowerExpand(log gamma(r0, r))",
          "PowerExpand(Log((r/r0)*Exp((r0^2 - r^2)/(2*eta))))", List.of(R0, R, ETA));

  /** (53), L = 2: an entry of F, (1/2)(y log y - y). */
  public static final ScalarMap BREGMAN_F_LOG =
      new ScalarMap("entropyF", "(53), L = 2: (1/2)(y log y - y)", "(1/2)*(y*Log(y) - y)", List.of(Y));

  /** Its derivative. */
  public static final ScalarMap BREGMAN_F_LOG_DERIVATIVE =
      new ScalarMap("entropyFDerivative", "(53), L = 2: d/dy of (1/2)(y log y - y)", "D((1/2)*(y*Log(y) - y), y)",
          List.of(Y));

  /** (53), L > 2: an entry of F, L/(2(2-L)) y^(2/L). */
  public static final ScalarMap BREGMAN_F_POWER =
      new ScalarMap("powerF", "(53), L > 2: L/(2(2-L)) y^(2/L)", "L/(2*(2-L))*y^(2/L)", List.of(Y, L));

  /** Its derivative. */
  public static final ScalarMap BREGMAN_F_POWER_DERIVATIVE =
      new ScalarMap("powerFDerivative", "(53), L > 2: d/dy of L/(2(2-L)) y^(2/L)", "D(L/(2*(2-L))*y^(2/L), y)",
          List.of(Y, L));

  /** EWN magnitude ||w|| = e^alpha and its derivative (the chain-rule factor of d/d alpha). */
  public static final ScalarMap EWN_SCALE =
      new ScalarMap("scale", "EWN: ||w|| = e^alpha", "Exp(alpha)", List.of(new ScalarMap.Param("alpha", "alpha")));

  public static final ScalarMap EWN_SCALE_DERIVATIVE =
      new ScalarMap("scaleDerivative", "EWN: d/d alpha of e^alpha", "D(Exp(alpha), alpha)",
          List.of(new ScalarMap.Param("alpha", "alpha")));

  /** SWN magnitude gamma and its derivative. */
  public static final ScalarMap SWN_SCALE =
      new ScalarMap("scale", "SWN: w = gamma v/||v||", "gam", List.of(new ScalarMap.Param("gam", "gamma")));

  public static final ScalarMap SWN_SCALE_DERIVATIVE =
      new ScalarMap("scaleDerivative", "SWN: d/d gamma of gamma", "D(gam, gam)",
          List.of(new ScalarMap.Param("gam", "gamma")));

  public static final List<ScalarMap> ALL =
      List.of(POWER, GRADIENT_FACTOR, GF_INVARIANT_LOG, GF_INVARIANT_POWER, WN_INVARIANT_LOG,
          WN_INVARIANT_POWER, WN_INVARIANT_LOG_DOMAIN, WN_INVARIANT_POWER_EXPONENT, WU_INVARIANT_LOG_SCALE, GAMMA,
          LOG_GAMMA, BREGMAN_F_LOG, BREGMAN_F_LOG_DERIVATIVE, BREGMAN_F_POWER, BREGMAN_F_POWER_DERIVATIVE, EWN_SCALE,
          EWN_SCALE_DERIVATIVE, SWN_SCALE, SWN_SCALE_DERIVATIVE);

  /** Evaluates every map with Symja (once per engine). Keyed by map identity, in {@link #ALL} order. */
  public static Map<ScalarMap, Expression> derive(SymbolicEngine engine) {
    return engine.cached("codegen/kernel-maps", () -> {
      Map<ScalarMap, Expression> out = new LinkedHashMap<>();
      for (ScalarMap m : ALL) {
        out.put(m, engine.evaluate(m.source(), Duration.ofSeconds(30)));
      }
      return java.util.Collections.unmodifiableMap(out);
    });
  }
}
