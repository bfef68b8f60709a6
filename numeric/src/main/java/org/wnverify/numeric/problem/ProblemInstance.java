package org.wnverify.numeric.problem;

/**
 * One instance of some problem family (the diagonal network of Chou et al., Wu et al.'s least
 * squares, the EWN paper's networks). A marker: what a family's instances hold, how they are read
 * from files and sampled is the family's business (proofs-check's {@code ProblemFamily}); numeric
 * code works on the concrete records. Implementations are immutable records that validate their
 * shapes and finiteness on construction, throwing {@link InvalidInstanceException} naming the field.
 */
public interface ProblemInstance {}
