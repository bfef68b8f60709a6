package org.wnverify.symbolic.prove;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wnverify.symbolic.SymbolicEngine;

class IdentityProverTest {
  private static SymbolicEngine engine;
  private static IdentityProver prover;

  @BeforeAll
  static void start() {
    engine = SymbolicEngine.create();
    prover = new IdentityProver(engine, 7L, 8, Duration.ofSeconds(30));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static IdentityProblem problem(String defect, double lo) {
    return new IdentityProblem("t " + defect, "scalar", List.of("test"), Map.of("c", defect),
        List.of(Variable.of("x", lo, 3), Variable.of("y", lo, 3)));
  }

  @Test
  void provesAnIdentity() {
    IdentityProof p = prover.prove(problem("(x+y)^2 - (x^2 + 2*x*y + y^2)", -3));
    assertThat(p.verdict()).isEqualTo(IdentityVerdict.PROVED);
    assertThat(p.witness()).isEmpty();
    assertThat(p.pointsChecked()).isZero(); // looked like 0 in double precision: straight to simplification
  }

  @Test
  void refutesAWrongIdentityWithAnExactWitness() {
    IdentityProof p = prover.prove(problem("(x+y)^2 - (x^2 + y^2)", -3));
    assertThat(p.verdict()).isEqualTo(IdentityVerdict.REFUTED);
    assertThat(p.witness()).hasValueSatisfying(w -> {
      assertThat(w.point()).containsKeys("x", "y");
      assertThat(Math.abs(w.approxValue())).isGreaterThan(1e-12);
    });
  }

  @Test
  void pointEvaluationIsAWeakerNamedVerdict() {
    // Sqrt(x^2) = x holds for x > 0 but is not a rational-function identity Together can close.
    IdentityProof p = prover.prove(problem("Sqrt(x^2*y^2) - x*y", 0.1));
    assertThat(p.verdict()).isIn(IdentityVerdict.CONFIRMED_AT_POINTS, IdentityVerdict.PROVED);
    IdentityProof neg = prover.prove(problem("Sqrt(x^2*y^2) - x*y", -3));
    assertThat(neg.verdict()).isEqualTo(IdentityVerdict.REFUTED);
  }

  @Test
  void combineKeepsTheWorstVerdictAndAllDimensions() {
    IdentityProof ok = prover.prove(problem("x - x", -3));
    IdentityProof bad = prover.prove(problem("x - y", -3));
    IdentityProof c = IdentityProof.combine("both", List.of(ok, bad));
    assertThat(c.verdict()).isEqualTo(IdentityVerdict.REFUTED);
    assertThat(c.dimensions()).isEqualTo("scalar; scalar");
  }
}
