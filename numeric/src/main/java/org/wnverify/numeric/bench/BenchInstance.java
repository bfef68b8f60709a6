package org.wnverify.numeric.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One benchmark instance of the WN flow problem, stored so that the Java side and the NumPy/SciPy
 * peer read the very same doubles: {@code a.f64} (A, M x N row-major), {@code b.f64} and
 * {@code u0.f64} as raw little-endian float64 (numpy.fromfile reads them exactly), and
 * {@code meta.json} with M, N, L, eta, r0 and the seed.
 *
 * <p>The draw is the Figure 2 setting of Chou, Rauhut and Ward: A = G / sqrt(M) with G standard
 * Gaussian, b = A x* with x* = |Gaussian| (so b is in the range of A x^2), u0 = |Gaussian|
 * normalised.
 */
public record BenchInstance(int m, int n, int depth, double eta, double r0, double[] a, double[] b, double[] u0,
    long seed) {

  public static BenchInstance draw(int m, int n, long seed) {
    SplittableRandom rng = new SplittableRandom(seed);
    double[] a = new double[m * n];
    double scale = 1.0 / Math.sqrt(m);
    for (int i = 0; i < a.length; i++) {
      a[i] = rng.nextGaussian() * scale;
    }
    double[] xs = new double[n];
    for (int k = 0; k < n; k++) {
      xs[k] = Math.abs(rng.nextGaussian());
    }
    double[] b = new double[m];
    for (int i = 0; i < m; i++) {
      double s = 0;
      for (int k = 0; k < n; k++) {
        s += a[i * n + k] * xs[k];
      }
      b[i] = s;
    }
    double[] u = new double[n];
    double nu = 0;
    for (int k = 0; k < n; k++) {
      u[k] = Math.abs(rng.nextGaussian());
      nu += u[k] * u[k];
    }
    nu = Math.sqrt(nu);
    for (int k = 0; k < n; k++) {
      u[k] /= nu;
    }
    return new BenchInstance(m, n, 2, 0.1, 1.0, a, b, u, seed);
  }

  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    writeDoubles(dir.resolve("a.f64"), a);
    writeDoubles(dir.resolve("b.f64"), b);
    writeDoubles(dir.resolve("u0.f64"), u0);
    Files.writeString(dir.resolve("meta.json"), String.format(Locale.ROOT,
        "{\"M\": %d, \"N\": %d, \"L\": %d, \"eta\": %s, \"r0\": %s, \"seed\": %d}%n", m, n, depth,
        Double.toString(eta), Double.toString(r0), seed), StandardCharsets.UTF_8);
  }

  public static BenchInstance read(Path dir) throws IOException {
    String meta = Files.readString(dir.resolve("meta.json"), StandardCharsets.UTF_8);
    int m = (int) number(meta, "M");
    int n = (int) number(meta, "N");
    BenchInstance p = new BenchInstance(m, n, (int) number(meta, "L"), number(meta, "eta"), number(meta, "r0"),
        readDoubles(dir.resolve("a.f64")), readDoubles(dir.resolve("b.f64")), readDoubles(dir.resolve("u0.f64")),
        (long) number(meta, "seed"));
    if (p.a.length != m * n || p.b.length != m || p.u0.length != n) {
      throw new IOException(dir + ": array sizes do not match meta.json (M = " + m + ", N = " + n + ")");
    }
    return p;
  }

  private static double number(String json, String key) throws IOException {
    Matcher mt = Pattern.compile("\"" + key + "\"\\s*:\\s*([-+0-9.eE]+)").matcher(json);
    if (!mt.find()) {
      throw new IOException("meta.json: missing " + key);
    }
    return Double.parseDouble(mt.group(1));
  }

  public static void writeDoubles(Path file, double[] v) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(8 * v.length).order(ByteOrder.LITTLE_ENDIAN);
    buf.asDoubleBuffer().put(v);
    Files.write(file, buf.array());
  }

  public static double[] readDoubles(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    if (bytes.length % 8 != 0) {
      throw new IOException(file + ": not a float64 file (" + bytes.length + " bytes)");
    }
    double[] v = new double[bytes.length / 8];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(v);
    return v;
  }

  /** A as M rows (the layout of DiagonalNetInstance and SensingProblem). */
  public double[][] rows() {
    double[][] r = new double[m][n];
    for (int i = 0; i < m; i++) {
      System.arraycopy(a, i * n, r[i], 0, n);
    }
    return r;
  }
}
