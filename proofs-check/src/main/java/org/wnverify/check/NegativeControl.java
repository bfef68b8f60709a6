package org.wnverify.check;

/**
 * A deliberately wrong version of a claim (wrong exponent, sign, constant, missing hypothesis)
 * run through the same check. A check whose control is not rejected has no power, and the claim
 * it backs cannot be trusted to say yes.
 *
 * @param mutation what was changed, in words a reader of the paper understands
 * @param verdict the verdict the same check gave the mutated statement
 * @param detail the measured numbers or the witness point behind that verdict
 */
public record NegativeControl(String mutation, Verdict verdict, String detail) {
  public boolean rejected() {
    return verdict.rejects();
  }
}
