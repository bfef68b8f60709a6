package org.wnverify.check.wu;

/**
 * Least-squares line through (log x, log y): the slope is the measured order of convergence (1 for
 * a first-order method), R^2 its fit quality.
 */
public record LogLogFit(double slope, double intercept, double rSquared) {
  public static LogLogFit of(double[] x, double[] y) {
    int n = x.length;
    double mx = 0;
    double my = 0;
    for (int k = 0; k < n; k++) {
      mx += Math.log(x[k]);
      my += Math.log(y[k]);
    }
    mx /= n;
    my /= n;
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int k = 0; k < n; k++) {
      double dx = Math.log(x[k]) - mx;
      double dy = Math.log(y[k]) - my;
      sxy += dx * dy;
      sxx += dx * dx;
      syy += dy * dy;
    }
    double slope = sxy / sxx;
    double r2 = syy == 0 ? 1.0 : sxy * sxy / (sxx * syy);
    return new LogLogFit(slope, my - slope * mx, r2);
  }
}
