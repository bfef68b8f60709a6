package org.wnverify.symbolic.codegen;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * PLACEHOLDER (to be replaced by the Symja-driven emitter): writes the kernel classes of the
 * contract in symbolic/README.md so that the numeric module can be wired and built.
 */
public final class KernelSourceGenerator {
  private KernelSourceGenerator() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args[0]).resolve("org/wnverify/numeric/generated");
    Files.createDirectories(out);
    Files.writeString(out.resolve("WnFlowKernel.java"), """
        package org.wnverify.numeric.generated;
        public final class WnFlowKernel {
          private WnFlowKernel() {}
          public static void derivative(double[] a, int m, int n, double[] b, int depth,
              double etaR, double etaU, double[] state, double[] out) {
            double r = state[0];
            double nu = 0; for (int k = 0; k < n; k++) nu += state[1 + k] * state[1 + k];
            nu = Math.sqrt(nu);
            double[] x = new double[n];
            for (int k = 0; k < n; k++) x[k] = r * state[1 + k] / nu;
            double[] g = new double[n];
            GradientFlowKernel.lossGradient(a, m, n, b, depth, x, g);
            double ug = 0; for (int k = 0; k < n; k++) ug += state[1 + k] * g[k];
            out[0] = -etaR * ug / nu;
            for (int k = 0; k < n; k++) out[1 + k] = -etaU * (r / nu) * (g[k] - state[1 + k] * ug / (nu * nu));
          }
        }
        """, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("GradientFlowKernel.java"), """
        package org.wnverify.numeric.generated;
        public final class GradientFlowKernel {
          private GradientFlowKernel() {}
          public static void lossGradient(double[] a, int m, int n, double[] b, int depth, double[] x, double[] g) {
            double[] res = new double[m];
            for (int i = 0; i < m; i++) { double s = -b[i]; for (int k = 0; k < n; k++) s += a[i * n + k] * Math.pow(x[k], depth); res[i] = s; }
            for (int k = 0; k < n; k++) { double s = 0; for (int i = 0; i < m; i++) s += a[i * n + k] * res[i]; g[k] = s * Math.pow(x[k], depth - 1); }
          }
          public static void derivative(double[] a, int m, int n, double[] b, int depth, double[] x, double[] out) {
            lossGradient(a, m, n, b, depth, x, out);
            for (int k = 0; k < n; k++) out[k] = -out[k];
          }
        }
        """, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("InvariantKernel.java"), """
        package org.wnverify.numeric.generated;
        public final class InvariantKernel {
          private InvariantKernel() {}
          public static double wnInvariantEntry(double u, double r, int depth, double eta) {
            return depth == 2 ? Math.log(u * Math.exp(r * r / (2 * eta)))
                : Math.pow(u, 2 - depth) * Math.exp((2 - depth) * r * r / (2 * eta));
          }
          public static double gfInvariantEntry(double x, int depth) {
            return depth == 2 ? Math.log(x) : Math.pow(x, 2 - depth);
          }
        }
        """, StandardCharsets.UTF_8);
  }
}
