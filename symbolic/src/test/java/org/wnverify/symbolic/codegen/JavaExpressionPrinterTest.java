package org.wnverify.symbolic.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.SymbolicError;
import org.wnverify.symbolic.SymbolicException;

class JavaExpressionPrinterTest {
  private static SymbolicEngine engine;
  private static final JavaExpressionPrinter P =
      new JavaExpressionPrinter(Map.of("x", "x", "y", "y", "L", "depth", "eta", "eta", "r", "r", "u", "u"));
  /** The same symbols with the depth L an int, as in the emitted kernels. */
  private static final JavaExpressionPrinter INT_L =
      new JavaExpressionPrinter(Map.of("x", "x", "y", "y", "L", "depth", "M", "m", "eta", "eta", "r", "r", "u", "u"),
          java.util.Set.of("L", "M"));

  @BeforeAll
  static void start() {
    engine = SymbolicEngine.create();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static String print(String symja) {
    return P.print(engine.evaluate(symja, Duration.ofSeconds(30)).tree());
  }

  private static String printInt(String symja) {
    return INT_L.print(engine.evaluate(symja, Duration.ofSeconds(30)).tree());
  }

  @Test
  void powersAndSpecialPowers() {
    assertThat(print("x^3")).isEqualTo("ipow(x, 3)");
    assertThat(print("x^(-3)")).isEqualTo("1.0 / ipow(x, 3)");
    assertThat(print("x^L")).isEqualTo("Math.pow(x, depth)");
    assertThat(print("D(x^L/L, x)")).isEqualTo("Math.pow(x, -1 + depth)");
    assertThat(print("x^(3/2)")).isEqualTo("Math.pow(x, 3.0/2.0)");
    assertThat(print("Sqrt(x)")).isEqualTo("Math.sqrt(x)");
    assertThat(print("1/Sqrt(x)")).isEqualTo("1.0 / Math.sqrt(x)");
    assertThat(print("Exp(x)")).isEqualTo("Math.exp(x)");
    assertThat(print("1/x")).isEqualTo("1.0 / x");
  }

  @Test
  void rationalsAreFloatingDivision() {
    assertThat(print("3/7")).isEqualTo("3.0/7.0");
    assertThat(print("3/7*x")).isEqualTo("3.0/7.0 * x");
    assertThat(print("-x/2")).isEqualTo("-1.0/2.0 * x");
  }

  @Test
  void sumsProductsAndParentheses() {
    assertThat(print("x - y")).isEqualTo("x - y");
    assertThat(print("x*(x + y)")).isEqualTo("x * (x + y)");
    assertThat(print("x/(x + y)")).isEqualTo("x / (x + y)");
    assertThat(print("x/(y*eta)")).isEqualTo("x / eta / y");
    assertThat(print("-x*y + 1")).isEqualTo("1 - x * y");
    assertThat(print("Log(x*y)")).isEqualTo("Math.log(x * y)");
  }

  @Test
  void integerDepthGivesIntegerPowersAndNoIntegerDivision() {
    assertThat(printInt("x^L")).isEqualTo("ipow(x, depth)");
    assertThat(printInt("D(x^L/L, x)")).isEqualTo("ipow(x, -1 + depth)");
    assertThat(printInt("x^(2-L)")).isEqualTo("ipow(x, 2 - depth)");
    assertThat(printInt("L/M")).isEqualTo("1.0 * depth / m");
    assertThat(printInt("x^(L/2)")).isEqualTo("Math.pow(x, 1.0/2.0 * depth)");
    assertThat(printInt("(2-L)*x")).isEqualTo("(2 - depth) * x");
  }

  @Test
  void invariantMapsOfThePaper() {
    assertThat(print("u^(2-L)*Exp((2-L)*r^2/(2*eta))"))
        .isEqualTo("Math.exp(1.0/2.0 * (2 - depth) * ipow(r, 2) / eta) * Math.pow(u, 2 - depth)");
    assertThat(print("Log(u*Exp(r^2/(2*eta)))")).isEqualTo("Math.log(Math.exp(1.0/2.0 * ipow(r, 2) / eta) * u)");
    // the log-domain forms the kernel emits
    assertThat(printInt("PowerExpand(Log(u*Exp(r^2/(2*eta))))")).isEqualTo("1.0/2.0 * ipow(r, 2) / eta + Math.log(u)");
    assertThat(printInt("PowerExpand(Log(u^(2-L)*Exp((2-L)*r^2/(2*eta))))"))
        .isEqualTo("1.0/2.0 * (2 - depth) * ipow(r, 2) / eta + (2 - depth) * Math.log(u)");
  }

  @Test
  void unsupportedHeadsAndSymbolsThrow() {
    assertThatThrownBy(() -> print("Sin(x)"))
        .isInstanceOfSatisfying(SymbolicException.class, e -> assertThat(e.code()).isEqualTo(SymbolicError.UNSUPPORTED_EXPRESSION));
    assertThatThrownBy(() -> print("x + z"))
        .isInstanceOfSatisfying(SymbolicException.class, e -> assertThat(e.code()).isEqualTo(SymbolicError.UNSUPPORTED_EXPRESSION));
    assertThatThrownBy(() -> new JavaExpressionPrinter(Map.of("x", "double"))).isInstanceOf(IllegalArgumentException.class);
  }
}
