package org.wnverify.symbolic.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wnverify.symbolic.Expression;
import org.wnverify.symbolic.SymbolicEngine;

class KernelSourceGeneratorTest {
  @Test
  void outputIsDeterministicAcrossEngines(@TempDir Path a, @TempDir Path b) throws Exception {
    Map<ScalarMap, Expression> first;
    Map<ScalarMap, Expression> second;
    try (SymbolicEngine e1 = SymbolicEngine.create(); SymbolicEngine e2 = SymbolicEngine.create()) {
      first = KernelMaps.derive(e1);
      second = KernelMaps.derive(e2);
    }
    Path da = KernelSourceGenerator.write(first, a);
    Path db = KernelSourceGenerator.write(second, b);
    for (String name : KernelSources.render(first).keySet()) {
      assertThat(Files.readAllBytes(da.resolve(name + ".java"))).isEqualTo(Files.readAllBytes(db.resolve(name + ".java")));
    }
    assertThat(KernelSources.render(first).keySet())
        .containsExactly("GradientFlowKernel", "WnFlowKernel", "InvariantKernel", "BregmanKernel", "ReducedFlowKernel",
            "WuFlowKernel", "EwnFlowKernel", "SwnFlowKernel");
  }

  @Test
  void scalarMapsAreDerivedNotCopied() {
    try (SymbolicEngine e = SymbolicEngine.create()) {
      Map<ScalarMap, Expression> maps = KernelMaps.derive(e);
      assertThat(maps.get(KernelMaps.GRADIENT_FACTOR).text()).isEqualTo("x^(-1+L)");
      assertThat(KernelSources.method(KernelMaps.GRADIENT_FACTOR, maps.get(KernelMaps.GRADIENT_FACTOR)))
          .contains("static double gradientFactor(double x, int depth) {")
          .contains("return ipow(x, -1 + depth);");
      String invariant = KernelSources.render(maps).get("InvariantKernel");
      assertThat(invariant).contains("return 1.0/2.0 * ipow(r, 2) / eta + Math.log(u);")
          .contains("Math.exp(wnInvariantPowerExponent(u, r, depth, eta))")
          .contains("static double ipow(double x, int p)")
          .doesNotContain("Math.log(Math.exp(");
    }
  }
}
