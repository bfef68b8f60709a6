package org.wnverify.numeric.network;

/**
 * A learning rate eta(t) as a function of time and the current loss, returned as log eta so that
 * eta = k / L^c stays representable when L is e^-1000 (eta ~ e^{1000 c}). The step eta grad L is
 * then applied as e^{log eta + log L} grad log L (ewn.md section 4).
 */
public interface StepSchedule {
  /** log eta at time t and loss e^{logLoss}. */
  double logEta(double t, double logLoss);

  String describe();

  /** eta constant. */
  static StepSchedule constant(double eta) {
    if (!(eta > 0) || !Double.isFinite(eta)) {
      throw new IllegalArgumentException("learning rate must be positive and finite, got " + eta);
    }
    double le = Math.log(eta);
    return new StepSchedule() {
      @Override
      public double logEta(double t, double logLoss) {
        return le;
      }

      @Override
      public String describe() {
        return "eta = " + eta;
      }
    };
  }

  /** eta = k / L^c, the paper's schedules (c < 1 for (A5) by Proposition 1; c = 1 is Lyu and Li's). */
  static StepSchedule inverseLossPower(double k, double c) {
    if (!(k > 0) || !Double.isFinite(k) || !Double.isFinite(c)) {
      throw new IllegalArgumentException("eta = k/L^c needs k > 0 and finite c, got k = " + k + ", c = " + c);
    }
    double lk = Math.log(k);
    return new StepSchedule() {
      @Override
      public double logEta(double t, double logLoss) {
        return lk - c * logLoss;
      }

      @Override
      public String describe() {
        return "eta = " + k + " / L^" + c;
      }
    };
  }
}
