package org.wnverify.symbolic.prove;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wnverify.symbolic.Node;
import org.wnverify.symbolic.SymbolicEngine;

/** Sampling on spheres, rational norms, the double-precision screen and the proof cache. */
class ProverMachineryTest {
  @TempDir
  Path dir;

  @Test
  void spherePointsAreExactlyOnTheSphere() {
    IdentityProblem p = new IdentityProblem("s", "d", List.of(), Map.of("c", "u1 - u1"),
        List.of(Variable.of("r", 0.1, 2)), Map.of(), List.of(new Sphere(List.of("u1", "u2", "u3"), "2", true)));
    SplittableRandom rnd = new SplittableRandom(3);
    for (int i = 0; i < 20; i++) {
      Map<String, String> pt = IdentityProver.drawPoint(p, rnd);
      Fraction s = Fraction.ZERO;
      for (String c : List.of("u1", "u2", "u3")) {
        Fraction f = Fraction.parse(pt.get(c));
        assertThat(f.num().signum()).isPositive();
        s = s.plus(f.times(f));
      }
      assertThat(s.toString()).isEqualTo("4");
      assertThat(pt).containsKey("r");
    }
  }

  @Test
  void freeNormVectorsGetRationalNorms() {
    IdentityProblem p = new IdentityProblem("n", "d", List.of(), Map.of("c", "u1"),
        List.of(Variable.of("u1", -2, 2), Variable.of("u2", -2, 2)), Map.of("nu", List.of("u1", "u2")), List.of());
    SplittableRandom rnd = new SplittableRandom(4);
    for (int i = 0; i < 20; i++) {
      Map<String, String> pt = IdentityProver.drawPoint(p, rnd);
      double n2 = Math.pow(NumericScreen.parse(pt.get("u1")), 2) + Math.pow(NumericScreen.parse(pt.get("u2")), 2);
      double n = Math.sqrt(n2);
      assertThat(n).isBetween(0.49, 2.01);
      // a rational norm: the square root of the exact sum of squares is a ratio of small integers
      Fraction f1 = Fraction.parse(pt.get("u1"));
      Fraction f2 = Fraction.parse(pt.get("u2"));
      Fraction s = f1.times(f1).plus(f2.times(f2));
      assertThat(isSquare(s.num()) && isSquare(s.den())).as(s.toString()).isTrue();
    }
  }

  private static boolean isSquare(java.math.BigInteger v) {
    java.math.BigInteger r = v.sqrt();
    return r.multiply(r).equals(v);
  }

  @Test
  void screenEvaluatesTreesAndJudgesRelativeToTheTerms() {
    Node x = new Node.Sym("x");
    Node sum = new Node.Apply("Plus", List.of(new Node.Apply("Times", List.of(new Node.Int(java.math.BigInteger.TWO), x)),
        new Node.Apply("Times", List.of(new Node.Int(java.math.BigInteger.valueOf(-2)), x))));
    NumericScreen.Result r = NumericScreen.evaluate(sum, Map.of("x", 1e8));
    assertThat(r.usable()).isTrue();
    assertThat(r.clearlyNonZero()).isFalse();
    Node log = new Node.Apply("Log", List.of(x));
    assertThat(NumericScreen.evaluate(log, Map.of("x", -1.0)).usable()).isFalse();
    assertThat(NumericScreen.evaluate(log, Map.of("x", Math.E)).clearlyNonZero()).isTrue();
    assertThat(NumericScreen.evaluate(new Node.Apply("Gamma", List.of(x)), Map.of("x", 1.0)).usable()).isFalse();
  }

  /** A corrupted entry that still parses (a verdict flipped, a line cut) is detected and recomputed. */
  @Test
  void corruptedProofCacheEntriesAreRecomputedNotTrusted() throws Exception {
    ProofCache cache = ProofCache.directory(dir);
    try (SymbolicEngine engine = SymbolicEngine.create(cache)) {
      IdentityProver prover = new IdentityProver(engine, 1, 4, Duration.ofSeconds(30));
      IdentityProblem problem = new IdentityProblem("sq", "scalar", List.of("t"), Map.of("c", "(x+1)^2 - (x^2+2*x+1)"),
          List.of(Variable.of("x", -2, 2)));
      IdentityProof first = prover.prove(problem);
      java.nio.file.Path entry;
      try (var files = java.nio.file.Files.list(dir)) {
        entry = files.filter(f -> f.toString().endsWith(".proof")).findFirst().orElseThrow();
      }
      String text = java.nio.file.Files.readString(entry);
      String key = entry.getFileName().toString().replace(".proof", "");
      java.nio.file.Files.writeString(entry, text.replace("verdict\tPROVED", "verdict\tREFUTED"));
      assertThat(cache.get(key)).as("verdict flipped").isEmpty();
      java.nio.file.Files.writeString(entry, text.substring(0, text.lastIndexOf("checksum")));
      assertThat(cache.get(key)).as("checksum line cut").isEmpty();
      assertThat(prover.prove(problem)).isEqualTo(first);
      assertThat(cache.get(key)).as("rewritten after recomputing").contains(first);
    }
  }

  @Test
  void proofCacheRoundTripsAndIsUsedByTheProver() {
    IdentityProof p = new IdentityProof("n\tame", IdentityVerdict.REFUTED, "N=2", "x\ny",
        Optional.of(new Witness("c", Map.of("x", "1/2", "y", "-3"), "7/4", 1.75)), List.of("a", "b\\c"), 3);
    ProofCache cache = ProofCache.directory(dir);
    cache.put("k", p);
    assertThat(cache.get("k")).contains(p);
    assertThat(cache.get("other")).isEmpty();
    try (SymbolicEngine engine = SymbolicEngine.create(cache)) {
      IdentityProver prover = new IdentityProver(engine, 1, 4, Duration.ofSeconds(30));
      IdentityProblem problem = new IdentityProblem("sq", "scalar", List.of("t"), Map.of("c", "(x+1)^2 - (x^2+2*x+1)"),
          List.of(Variable.of("x", -2, 2)));
      IdentityProof first = prover.prove(problem);
      assertThat(first.verdict()).isEqualTo(IdentityVerdict.PROVED);
      assertThat(dir.toFile().list()).anyMatch(f -> f.endsWith(".proof") && !f.equals("k.proof"));
      assertThat(prover.prove(problem)).isEqualTo(first);
    }
    assertThat(ProofCache.key(new IdentityProblem("a", "d", List.of(), Map.of("c", "x"), List.of()), 1, 4, "v"))
        .isNotEqualTo(ProofCache.key(new IdentityProblem("a", "d", List.of(), Map.of("c", "y"), List.of()), 1, 4, "v"));
  }

  @Test
  void normRelationReducesPolynomialsOnTheSphere() {
    try (SymbolicEngine engine = SymbolicEngine.create()) {
      IdentityProver prover = new IdentityProver(engine, 2, 6, Duration.ofSeconds(30));
      // u1^4 + 2 u1^2 u2^2 + u2^4 - 1 = (||u||^2)^2 - 1 is 0 on the unit circle, but only modulo the relation
      IdentityProblem on = new IdentityProblem("circle", "N=2", List.of(), Map.of("c", "u1^4 + 2*u1^2*u2^2 + u2^4 - 1"),
          List.of(), Map.of(), List.of(Sphere.unit(List.of("u1", "u2"), false)));
      IdentityProof p = prover.prove(on);
      assertThat(p.verdict()).isEqualTo(IdentityVerdict.PROVED);
      assertThat(p.steps()).anyMatch(s -> s.contains("reduced modulo the norm relation"));
      IdentityProblem radius2 = new IdentityProblem("circle2", "N=2", List.of(), Map.of("c", "u1^4 + 2*u1^2*u2^2 + u2^4 - 1"),
          List.of(), Map.of(), List.of(new Sphere(List.of("u1", "u2"), "2", false)));
      assertThat(prover.prove(radius2).verdict()).isEqualTo(IdentityVerdict.REFUTED);
    }
  }
}
