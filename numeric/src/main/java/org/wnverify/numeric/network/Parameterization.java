package org.wnverify.numeric.network;

/**
 * How each node's weight vector w_u is parameterized: directly (Unnorm), as gamma_u v_u/||v_u||
 * (SWN, Salimans and Kingma) or as e^alpha_u v_u/||v_u|| (EWN). A normalized node's parameters are
 * laid out as [scale, v_1 .. v_d] with scale = gamma_u or alpha_u.
 */
public enum Parameterization {
  UNNORM, SWN, EWN;

  /** Parameters per node of fan-in d. */
  public int size(int fanIn) {
    return this == UNNORM ? fanIn : fanIn + 1;
  }

  /** The label used in the paper's figures. */
  public String label() {
    return this == UNNORM ? "Unnorm" : name();
  }
}
