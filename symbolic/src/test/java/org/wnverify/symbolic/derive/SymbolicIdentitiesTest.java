package org.wnverify.symbolic.derive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.prove.IdentityVerdict;

/** Every printed identity is proved, and every negative control is refuted with a witness. */
class SymbolicIdentitiesTest {
  private static SymbolicEngine engine;

  @BeforeAll
  static void start() {
    engine = SymbolicEngine.create();
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  private static IdentityReport report(String which) {
    return switch (which) {
      case "gradients" -> SymbolicIdentities.chouGradients(engine);
      case "lemma" -> SymbolicIdentities.chouLemma38(engine);
      case "ewn" -> SymbolicIdentities.ewnTheorem1Ewn(engine);
      case "swn" -> SymbolicIdentities.ewnTheorem1Swn(engine);
      default -> SymbolicIdentities.kernelTemplates(engine);
    };
  }

  @ParameterizedTest
  @ValueSource(strings = {"gradients", "lemma", "ewn", "swn", "templates"})
  void provedAndControlsRefuted(String which) {
    IdentityReport r = report(which);
    assertThat(r.proof().verdict()).as(r.id() + " " + r.proof().steps()).isEqualTo(IdentityVerdict.PROVED);
    assertThat(r.proof().dimensions()).isNotBlank();
    for (ControlProof c : r.controls()) {
      assertThat(c.proof().verdict()).as(c.mutation()).isEqualTo(IdentityVerdict.REFUTED);
      assertThat(c.proof().witness()).as(c.mutation()).isPresent();
    }
    if (!which.equals("templates")) {
      assertThat(r.controls()).isNotEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ewn", "swn"})
  void theorem1FailsOffTheUnitSphere(String which) {
    assertThat(report(which).controls())
        .filteredOn(c -> c.mutation().startsWith("||v|| = 2"))
        .singleElement()
        .satisfies(c -> assertThat(c.proof().verdict()).isEqualTo(IdentityVerdict.REFUTED));
  }

  @ParameterizedTest
  @ValueSource(strings = {"gradients", "lemma"})
  void reportsAreCachedPerEngine(String which) {
    assertThat(report(which)).isSameAs(report(which));
  }
}
