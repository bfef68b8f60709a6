package org.wnverify.symbolic.codegen;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.wnverify.symbolic.Node;
import org.wnverify.symbolic.SymbolicError;
import org.wnverify.symbolic.SymbolicException;

/**
 * Strict printer from {@link Node} trees to Java double expressions. Whitelisted heads only
 * (Plus, Times, Power, Log); anything else throws {@link SymbolicError#UNSUPPORTED_EXPRESSION}
 * instead of emitting code that silently needs Symja at runtime. Every symbol must be in the
 * symbol table (Symja name -> Java name); all Java variables are assumed to be double, so integer
 * division cannot arise: the only divisions printed are by a factor after {@code /} in a product
 * whose numerator is a double, or of rationals, which print as {@code 3.0/7.0}.
 *
 * <p>One precedence table and one parenthesising rule: a sub-expression is wrapped in
 * parentheses iff its precedence is below what its position requires.
 */
public final class JavaExpressionPrinter {
  static final int ADD = 10;
  static final int SIGNED = 15; // a product or number with a leading minus
  static final int MUL = 20;
  static final int ATOM = 100;

  private static final Set<String> RESERVED = Set.of(
      "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const", "continue",
      "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for", "goto", "if",
      "implements", "import", "instanceof", "int", "interface", "long", "native", "new", "package", "private",
      "protected", "public", "return", "short", "static", "strictfp", "super", "switch", "synchronized", "this",
      "throw", "throws", "transient", "try", "void", "volatile", "while", "true", "false", "null", "var", "record");

  private static final Map<String, String> CONSTANTS = Map.of("e", "Math.E", "pi", "Math.PI");

  private final Map<String, String> symbols;
  private final Set<String> intSymbols;

  /** Name of the integer-power helper the printed code calls for integer exponents. */
  public static final String IPOW = "ipow";

  /**
   * The helper every class that contains printed code with {@link #IPOW} must define: x^p for an
   * integer p by repeated squaring (exact for |p| <= 3 up to rounding of each product, and
   * several times faster than Math.pow), 1/x^(-p) for p < 0.
   */
  public static final String IPOW_SOURCE = """

        /**
         * x^p for an integer p: small cases unrolled, else repeated squaring; 1/x^-p for p < 0.
         * Public so that hand-written hot loops over the same formulas use the same powers.
         */
        public static double ipow(double x, int p) {
          switch (p) {
            case 0:
              return 1.0;
            case 1:
              return x;
            case 2:
              return x * x;
            case 3:
              return x * x * x;
            case 4: {
              double y = x * x;
              return y * y;
            }
            default: {
              if (p < 0) {
                return 1.0 / ipow(x, -p);
              }
              double r = 1.0;
              double b = x;
              int e = p;
              while (e > 0) {
                if ((e & 1) != 0) {
                  r *= b;
                }
                b *= b;
                e >>= 1;
              }
              return r;
            }
          }
        }
      """;

  /** @param symbols Symja symbol -> Java identifier (all double); a reserved word is refused. */
  public JavaExpressionPrinter(Map<String, String> symbols) {
    this(symbols, Set.of());
  }

  /**
   * @param symbols Symja symbol -> Java identifier; a reserved word is refused
   * @param intSymbols the Symja symbols whose Java parameters are int (e.g. the depth L): integer
   *     expressions in them print with integer arithmetic, and a power with an integer exponent
   *     prints as {@code ipow(base, exponent)}
   */
  public JavaExpressionPrinter(Map<String, String> symbols, Set<String> intSymbols) {
    for (Map.Entry<String, String> e : symbols.entrySet()) {
      if (RESERVED.contains(e.getValue()) || !e.getValue().matches("[A-Za-z_][A-Za-z0-9_]*")) {
        throw new IllegalArgumentException("not a usable Java identifier for " + e.getKey() + ": " + e.getValue());
      }
    }
    this.symbols = new TreeMap<>(symbols);
    this.intSymbols = Set.copyOf(intSymbols);
  }

  public String print(Node n) {
    return p(n).text;
  }

  /** Printed text, its precedence, and whether it is an exact Java int expression. */
  private record P(String text, int prec, boolean integral) {
    P(String text, int prec) {
      this(text, prec, false);
    }
  }

  private P p(Node n) {
    if (n instanceof Node.Int i) {
      return new P(i.value().toString(), i.value().signum() < 0 ? SIGNED : ATOM, i.value().bitLength() < 31);
    }
    if (n instanceof Node.Rat r) {
      return new P(r.numerator() + ".0/" + r.denominator() + ".0", r.numerator().signum() < 0 ? SIGNED : MUL);
    }
    if (n instanceof Node.Sym s) {
      String j = symbols.get(s.name());
      if (j == null) {
        j = CONSTANTS.get(s.name().toLowerCase(java.util.Locale.ROOT)); // Symja may report built-ins in lower case
      }
      if (j == null) {
        throw unsupported("symbol " + s.name() + " (not in the symbol table " + symbols.keySet() + ")");
      }
      return new P(j, ATOM, intSymbols.contains(s.name()));
    }
    Node.Apply a = (Node.Apply) n;
    return switch (head(a)) {
      case "plus" -> plus(a.args());
      case "times" -> times(a.args());
      case "power" -> power(a);
      case "log" -> {
        if (a.args().size() != 1) {
          throw unsupported("Log with " + a.args().size() + " arguments");
        }
        yield call("Math.log", a.args().get(0));
      }
      default -> throw unsupported("head " + a.head() + " in " + a);
    };
  }

  private P call(String fn, Node arg) {
    return new P(fn + "(" + p(arg).text + ")", ATOM);
  }

  private P plus(List<Node> terms) {
    P first = p(terms.get(0));
    boolean integral = first.integral();
    StringBuilder b = new StringBuilder(wrap(first, ADD));
    for (int i = 1; i < terms.size(); i++) {
      Node t = terms.get(i);
      Node neg = negated(t);
      P q = p(neg != null ? neg : t);
      integral &= q.integral();
      b.append(neg != null ? " - " : " + ").append(wrap(q, ADD + 1));
    }
    return new P(b.toString(), ADD, integral);
  }

  private P times(List<Node> factors) {
    boolean minus = false;
    List<Node> rest = new ArrayList<>(factors);
    Node first = rest.get(0);
    if (isNumber(first) && sign(first) < 0) {
      minus = true;
      Node abs = negateNumber(first);
      rest.set(0, abs);
      if (abs instanceof Node.Int i && i.value().equals(BigInteger.ONE)) {
        rest.remove(0);
      }
    }
    List<String> num = new ArrayList<>();
    List<String> den = new ArrayList<>();
    boolean numIntegral = true;
    for (Node f : rest) {
      Node inv = reciprocalBase(f);
      if (inv != null) {
        den.add(wrap(p(inv), MUL + 1)); // x / (a * b): a product in a denominator needs parentheses
      } else {
        P q = p(f);
        numIntegral &= q.integral();
        num.add(wrap(q, MUL));
      }
    }
    if (!den.isEmpty() && !num.isEmpty() && numIntegral) {
      num.add(0, "1.0"); // never an integer division
    }
    String text = (num.isEmpty() ? "1.0" : String.join(" * ", num))
        + (den.isEmpty() ? "" : " / " + String.join(" / ", den));
    boolean integral = den.isEmpty() && numIntegral;
    if (!minus) {
      return new P(text, MUL, integral);
    }
    return new P("-" + text, SIGNED, integral);
  }

  private P power(Node.Apply a) {
    Node base = a.args().get(0);
    Node exp = a.args().get(1);
    if (base instanceof Node.Sym s && s.name().equalsIgnoreCase("E") && !symbols.containsKey(s.name())) {
      return call("Math.exp", exp);
    }
    if (isHalf(exp, 1)) {
      return call("Math.sqrt", base);
    }
    Node inv = reciprocalBase(a);
    if (inv != null) {
      return new P("1.0 / " + wrap(p(inv), MUL + 1), MUL);
    }
    P e = p(exp);
    if (e.integral()) {
      return new P(IPOW + "(" + p(base).text + ", " + e.text + ")", ATOM);
    }
    return new P("Math.pow(" + p(base).text + ", " + e.text + ")", ATOM);
  }

  /** For b^(-e) with a negative number -e: b^e (or b when e = 1); else null. */
  private static Node reciprocalBase(Node f) {
    if (f instanceof Node.Apply a && head(a).equals("power") && isNumber(a.args().get(1)) && sign(a.args().get(1)) < 0) {
      Node e = negateNumber(a.args().get(1));
      if (e instanceof Node.Int i && i.value().equals(BigInteger.ONE)) {
        return a.args().get(0);
      }
      return new Node.Apply("Power", List.of(a.args().get(0), e));
    }
    return null;
  }

  /** -t if t is a negative number or a product with a negative numeric first factor; else null. */
  private static Node negated(Node t) {
    if (isNumber(t)) {
      return sign(t) < 0 ? negateNumber(t) : null;
    }
    if (t instanceof Node.Apply a && head(a).equals("times") && isNumber(a.args().get(0)) && sign(a.args().get(0)) < 0) {
      List<Node> f = new ArrayList<>(a.args());
      Node abs = negateNumber(f.get(0));
      if (abs instanceof Node.Int i && i.value().equals(BigInteger.ONE)) {
        f.remove(0);
      } else {
        f.set(0, abs);
      }
      return f.size() == 1 ? f.get(0) : new Node.Apply("Times", f);
    }
    return null;
  }

  /** Heads compared in lower case: Symja reports built-in names in either case depending on mode. */
  private static String head(Node.Apply a) {
    return a.head().toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean isNumber(Node n) {
    return n instanceof Node.Int || n instanceof Node.Rat;
  }

  private static int sign(Node n) {
    return n instanceof Node.Int i ? i.value().signum() : ((Node.Rat) n).numerator().signum();
  }

  private static Node negateNumber(Node n) {
    if (n instanceof Node.Int i) {
      return new Node.Int(i.value().negate());
    }
    Node.Rat r = (Node.Rat) n;
    return new Node.Rat(r.numerator().negate(), r.denominator());
  }

  private static boolean isHalf(Node n, int sign) {
    return n instanceof Node.Rat r && r.denominator().equals(BigInteger.TWO)
        && r.numerator().equals(BigInteger.valueOf(sign));
  }

  private static String wrap(P p, int required) {
    return p.prec < required ? "(" + p.text + ")" : p.text;
  }

  private static SymbolicException unsupported(String what) {
    return new SymbolicException(SymbolicError.UNSUPPORTED_EXPRESSION, "cannot print to Java: " + what);
  }
}
