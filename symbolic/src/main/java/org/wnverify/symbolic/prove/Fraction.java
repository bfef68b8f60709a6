package org.wnverify.symbolic.prove;

import java.math.BigInteger;

/**
 * An exact rational number in lowest terms (denominator positive): the prover's sample points and
 * the derivations' exact projectors are computed with it.
 */
public record Fraction(BigInteger num, BigInteger den) {
  public static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
  public static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

  public Fraction {
    if (den.signum() < 0) {
      num = num.negate();
      den = den.negate();
    }
    BigInteger g = num.gcd(den);
    if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
      num = num.divide(g);
      den = den.divide(g);
    }
  }

  public static Fraction of(long v) {
    return new Fraction(BigInteger.valueOf(v), BigInteger.ONE);
  }

  public static Fraction parse(String s) {
    int slash = s.indexOf('/');
    return slash < 0 ? new Fraction(new BigInteger(s), BigInteger.ONE)
        : new Fraction(new BigInteger(s.substring(0, slash)), new BigInteger(s.substring(slash + 1)));
  }

  public Fraction plus(Fraction o) {
    return new Fraction(num.multiply(o.den).add(o.num.multiply(den)), den.multiply(o.den));
  }

  public Fraction minus(Fraction o) {
    return plus(o.negate());
  }

  public Fraction times(Fraction o) {
    return new Fraction(num.multiply(o.num), den.multiply(o.den));
  }

  public Fraction over(Fraction o) {
    return new Fraction(num.multiply(o.den), den.multiply(o.num));
  }

  public boolean isZero() {
    return num.signum() == 0;
  }

  public Fraction negate() {
    return new Fraction(num.negate(), den);
  }

  @Override
  public String toString() {
    return den.equals(BigInteger.ONE) ? num.toString() : num + "/" + den;
  }
}
