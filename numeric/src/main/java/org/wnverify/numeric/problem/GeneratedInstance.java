package org.wnverify.numeric.problem;

/**
 * An instance together with the certificates that make its hypotheses true by construction.
 *
 * @param instance the instance
 * @param kernelVector v > 0 with A v = 0
 * @param solution x* >= 0 with A x* = b (so S+ is non-empty)
 * @param label which corner of the hypothesis region it was drawn from
 */
public record GeneratedInstance(DiagonalNetInstance instance, double[] kernelVector,
    double[] solution, String label) {}
