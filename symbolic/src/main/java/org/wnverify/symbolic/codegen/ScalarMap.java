package org.wnverify.symbolic.codegen;

import java.util.List;

/**
 * An elementwise scalar map of a kernel: a Symja source (a formula of the paper, or a derivation
 * such as {@code D(x^L/L, x)}) whose evaluated result is printed as a private static method.
 *
 * @param name Java method name
 * @param origin where the formula comes from, e.g. "(22): d/dx (x^L/L)"
 * @param source Symja input as derived or printed in the paper
 * @param params parameters, Symja symbol -> Java parameter name, in signature order
 */
public record ScalarMap(String name, String origin, String source, List<Param> params) {
  public ScalarMap {
    params = List.copyOf(params);
  }

  /**
   * A parameter: its Symja symbol, its Java name, and whether the Java parameter is an int (the
   * depth L) rather than a double.
   */
  public record Param(String symja, String java, boolean integer) {
    public Param(String symja, String java) {
      this(symja, java, false);
    }

    /** An int parameter (an integer exponent prints as ipow, not Math.pow). */
    public static Param integer(String symja, String java) {
      return new Param(symja, java, true);
    }

    String javaType() {
      return integer ? "int" : "double";
    }
  }

  /** The map's source with its parameters replaced by other Symja expressions, in order. */
  public String applied(String... args) {
    if (args.length != params.size()) {
      throw new IllegalArgumentException(name + " takes " + params.size() + " arguments");
    }
    StringBuilder rules = new StringBuilder("{");
    for (int i = 0; i < args.length; i++) {
      rules.append(i > 0 ? ", " : "").append(params.get(i).symja()).append("->(").append(args[i]).append(")");
    }
    return "ReplaceAll(" + source + ", " + rules + "})";
  }
}
