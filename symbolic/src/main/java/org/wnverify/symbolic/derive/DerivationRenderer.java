package org.wnverify.symbolic.derive;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.matheclipse.core.expression.F;
import org.matheclipse.core.interfaces.IExpr;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.SymbolicException;
import org.wnverify.symbolic.prove.IdentityProof;
import org.wnverify.symbolic.prove.Sphere;

/**
 * Prints a derivation for a reader: the statement, the verdict and the dimensions it covers, the
 * objects and equations of the smallest case evaluated by Symja (norms shown as symbols, the
 * sphere hypothesis applied), the prover's steps, the simplified defect, and the negative controls
 * with their witnesses. As plain text, or as a LaTeX snippet (an {@code align*} per block; needs
 * only amsmath) that compiles when pasted into a document.
 */
public final class DerivationRenderer {
  /** Longest expression (characters of Symja input form) shown in full; longer ones are cut. */
  static final int MAX_TEXT = 600;

  /** Longest TeX of one expression put in an align* block; longer ones are replaced by a note. */
  static final int MAX_TEX = 3000;

  /** Characters of TeX per align* line before a top-level term goes on the next line. */
  static final int LINE_TEX = 160;

  private static final Duration T = Duration.ofSeconds(30);

  private DerivationRenderer() {}

  /** The evaluated display of one case: definitions and equations as (label, rendered) pairs. */
  private record Shown(List<String[]> definitions, List<String[]> equations) {}

  /** Plain-text derivation. */
  public static String text(IdentityReport r, SymbolicEngine engine) {
    StringBuilder b = new StringBuilder();
    IdentityProof p = r.proof();
    b.append(r.id()).append(" -- ").append(r.location()).append('\n');
    b.append("statement: ").append(r.statement()).append('\n');
    b.append("verdict:   ").append(p.verdict()).append(p.pointsChecked() > 0 ? " (" + p.pointsChecked()
        + " exact random rational points evaluated)" : "").append('\n');
    b.append("dimensions covered: ").append(p.dimensions()).append('\n');
    if (!r.skipped().isEmpty()) {
      b.append("dimensions skipped (time budget): ").append(r.skipped()).append('\n');
    }
    for (String n : r.notes()) {
      b.append("note: ").append(n).append('\n');
    }
    r.display().ifPresent(d -> {
      Shown s = evaluate(d, engine, false);
      b.append("\nobjects (case ").append(d.dimensions()).append("):\n");
      for (String[] def : s.definitions()) {
        b.append("  ").append(def[0]).append(" := ").append(def[1]).append('\n');
      }
      b.append("\nequations (case ").append(d.dimensions()).append("; lhs as derived, rhs as printed):\n");
      for (String[] eq : s.equations()) {
        b.append("  ").append(eq[0]).append(":\n    lhs = ").append(eq[1]).append("\n    rhs = ").append(eq[2]).append('\n');
      }
      if (!d.norms().isEmpty() || !d.spheres().isEmpty()) {
        b.append("  (shown with ");
        List<String> how = new ArrayList<>();
        d.norms().forEach((k, v) -> how.add("||" + v + "|| written " + k));
        d.spheres().forEach(sp -> how.add("||" + sp.coords() + "|| = " + sp.radius()));
        b.append(String.join("; ", how)).append(")\n");
      }
    });
    b.append("\nsteps:\n");
    for (String s : p.steps()) {
      b.append("  ").append(s).append('\n');
    }
    b.append("\nsimplified defect: ").append(p.defect()).append('\n');
    p.witness().ifPresent(w -> b.append("witness: ").append(w).append('\n'));
    b.append("\nnegative controls (the same machinery must refute each):\n");
    for (ControlProof c : r.controls()) {
      b.append("  - ").append(c.mutation()).append(": ").append(c.proof().verdict());
      c.proof().witness().ifPresent(w -> b.append(" at ").append(w.point()).append(", value ").append(w.exactValue())
          .append(" ~ ").append(w.approxValue()));
      b.append('\n');
    }
    return b.toString();
  }

  /** A LaTeX snippet (amsmath) with the same content. */
  public static String latex(IdentityReport r, SymbolicEngine engine) {
    StringBuilder b = new StringBuilder();
    IdentityProof p = r.proof();
    b.append("% wnverify derive ").append(r.id()).append(" --latex  (needs \\usepackage{amsmath})\n");
    b.append("\\paragraph{").append(esc(r.id())).append("} ").append(esc(r.location())).append(".\n");
    b.append("\\textbf{Statement.} ").append(prose(r.statement())).append(".\n\n");
    b.append("\\textbf{Verdict: ").append(esc(p.verdict().name())).append("}")
        .append(p.pointsChecked() > 0 ? " (" + p.pointsChecked() + " exact random rational points evaluated)" : "")
        .append(", in the cases ").append(prose(p.dimensions())).append(".\n");
    if (!r.skipped().isEmpty()) {
      b.append("Cases skipped (time budget): ").append(prose(String.join("; ", r.skipped()))).append(".\n");
    }
    for (String n : r.notes()) {
      b.append("\n\\emph{Note.} ").append(prose(n)).append(".\n");
    }
    r.display().ifPresent(d -> {
      Shown s = evaluate(d, engine, true);
      b.append("\n\\textbf{Objects} (case ").append(prose(d.dimensions())).append("):\n");
      b.append("\\begin{align*}\n");
      List<String> lines = new ArrayList<>();
      for (String[] def : s.definitions()) {
        lines.add("  " + mathLabel(def[0]) + " &:= " + def[1]);
      }
      b.append(String.join(" \\\\\n", lines)).append("\n\\end{align*}\n");
      b.append("\\textbf{Equations} (left side as derived by Symja, right side as printed; lhs $-$ rhs simplifies to 0):\n");
      b.append("\\begin{align*}\n");
      lines.clear();
      for (String[] eq : s.equations()) {
        lines.add("  &" + mathLabel(eq[0]) + "\\colon \\\\\n  &\\qquad " + eq[1] + " \\\\\n  &\\qquad = " + eq[2]);
      }
      b.append(String.join(" \\\\\n", lines)).append("\n\\end{align*}\n");
    });
    b.append("\\textbf{Steps} (case ").append(prose(r.display().map(Display::dimensions).orElse("first")))
        .append("; the other cases are alike).\n\\begin{enumerate}\n");
    for (String s : firstCaseSteps(p.steps())) {
      b.append("  \\item ").append(prose(s.strip())).append('\n');
    }
    b.append("\\end{enumerate}\n");
    b.append("Simplified defect: ").append(prose(p.defect())).append(".\n");
    p.witness().ifPresent(w -> b.append("Witness: ").append(esc(w.toString())).append(".\n"));
    b.append("\n\\textbf{Negative controls} (each must be refuted by the same machinery):\n\\begin{itemize}\n");
    for (ControlProof c : r.controls()) {
      b.append("  \\item ").append(prose(c.mutation())).append(": ").append(esc(c.proof().verdict().name()));
      c.proof().witness().ifPresent(w -> b.append(" at ").append(esc(w.point().toString())).append(", value $\\approx ")
          .append(String.format(Locale.ROOT, "%.6g", w.approxValue())).append("$"));
      b.append('\n');
    }
    if (r.controls().isEmpty()) {
      b.append("  \\item (none)\n");
    }
    b.append("\\end{itemize}\n");
    return b.toString();
  }

  /** The step lines of the first case (the combined proof nests them under "[dims] VERDICT" headers). */
  static List<String> firstCaseSteps(List<String> steps) {
    List<String> out = new ArrayList<>();
    int indent = -1;
    for (String line : steps) {
      int ind = line.length() - line.stripLeading().length();
      boolean header = line.stripLeading().startsWith("[");
      if (indent < 0) {
        if (!header) {
          indent = ind;
          out.add(line.strip());
        }
      } else if (ind == indent && !header) {
        out.add(line.strip());
      } else {
        break;
      }
    }
    return out.isEmpty() ? steps : out;
  }

  private static Shown evaluate(Display d, SymbolicEngine engine, boolean tex) {
    String rules = displayRules(d);
    List<String[]> defs = new ArrayList<>();
    for (Display.Definition def : d.definitions()) {
      defs.add(new String[] {def.name(), render(engine, def.symja(), rules, tex)});
    }
    List<String[]> eqs = new ArrayList<>();
    for (Display.Equation eq : d.equations()) {
      eqs.add(new String[] {eq.label(), render(engine, eq.lhs(), rules, tex), render(engine, eq.rhs(), rules, tex)});
    }
    return new Shown(defs, eqs);
  }

  /** Norms as symbols and sphere sums as the radius: display only (shorter, same value). */
  static String displayRules(Display d) {
    List<String> rules = new ArrayList<>();
    d.norms().forEach((k, v) -> rules.addAll(rule(k, v)));
    for (Sphere sp : d.spheres()) {
      rules.addAll(rule(sp.radius(), sp.coords()));
    }
    return rules.isEmpty() ? "" : "{" + String.join(", ", rules) + "}";
  }

  private static List<String> rule(String value, List<String> v) {
    List<String> sq = new ArrayList<>();
    v.forEach(e -> sq.add("(" + e + ")^2"));
    String sum = "(" + String.join("+", sq) + ")";
    return List.of("Power(" + sum + ", q_) :> (" + value + ")^(2*q)", sum + " -> (" + value + ")^2");
  }

  private static String render(SymbolicEngine engine, String symja, String rules, boolean tex) {
    try {
      return engine.submit(s -> {
        IExpr e = s.eval(symja);
        if (!rules.isEmpty()) {
          e = s.eval(F.ReplaceRepeated(e, s.eval(rules)));
        }
        String input = e.toString().replace("\n", "");
        if (!tex) {
          return input.length() <= MAX_TEXT ? input
              : input.substring(0, MAX_TEXT) + " ... (" + input.length() + " characters)";
        }
        // Top-level sums and lists are printed term by term, so that long lines can be broken.
        List<String> chunks = new ArrayList<>();
        boolean list = e.isList();
        if ((e.isPlus() || list) && e.argSize() > 1) {
          for (int i = 1; i <= e.argSize(); i++) {
            String t = texSymbols(s.eval(F.TeXForm(e.getAt(i))).toString().replace("\n", " ").strip());
            if (list) {
              chunks.add((i == 1 ? "\\{" : "") + t + (i == e.argSize() ? "\\}" : ","));
            } else {
              chunks.add(i == 1 || t.startsWith("-") ? t : "+ " + t);
            }
          }
        } else {
          chunks.add(texSymbols(s.eval(F.TeXForm(e)).toString().replace("\n", " ").strip()));
        }
        int total = chunks.stream().mapToInt(String::length).sum();
        if (total > MAX_TEX) {
          return "\\text{(an expression of " + input.length() + " characters; see the plain-text derivation)}";
        }
        StringBuilder out = new StringBuilder();
        int line = 0;
        for (String c : chunks) {
          if (line > 0 && line + c.length() > LINE_TEX) {
            out.append(" \\\\\n  &\\qquad\\qquad ");
            line = 0;
          }
          out.append(line > 0 ? " " : "").append(c);
          line += c.length() + 1;
        }
        return out.toString();
      }, T);
    } catch (SymbolicException ex) {
      return tex ? "\\text{(not evaluated: " + esc(ex.code().name()) + ")}" : "(not evaluated: " + ex.code() + ")";
    }
  }

  private static final Map<String, String> NAMES = Map.ofEntries(
      Map.entry("etar", "\\eta_r"), Map.entry("etau", "\\eta_u"), Map.entry("gam", "\\gamma"),
      Map.entry("lam", "\\lambda"), Map.entry("cc", "c"), Map.entry("na", "\\|a\\|"));
  private static final Pattern MATRIX_ENTRY = Pattern.compile("(?<![\\\\A-Za-z])([a-z])(\\d)n(\\d)(?![A-Za-z0-9])");
  private static final Pattern INDEXED = Pattern.compile("(?<![\\\\A-Za-z])([a-z]+)(\\d+)(?![A-Za-z0-9])");
  private static final Pattern WORD = Pattern.compile("(?<![\\\\A-Za-z])([a-z]+)(?![A-Za-z])");

  /** Symja's symbol names in TeX: a1n2 -> a_{12}, u1 -> u_{1}, etar -> \eta_r, gam -> \gamma. */
  static String texSymbols(String t) {
    String out = MATRIX_ENTRY.matcher(t).replaceAll("$1_{$2$3}");
    out = INDEXED.matcher(out).replaceAll("$1_{$2}");
    Matcher m = WORD.matcher(out);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String w = m.group(1);
      m.appendReplacement(b, Matcher.quoteReplacement(NAMES.getOrDefault(w, w)));
    }
    m.appendTail(b);
    return b.toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Statements, notes, steps and mutations are plain text with formulas in them ("||u0|| = 1",
  // "u^(2-L) exp((2-L) r^2/(2 eta))", "L~"). For LaTeX the formulas become math (\|u_0\| = 1,
  // u^{2-L}, \tilde{L}, \eta) and the words stay text, so a paper can \input the snippet.

  private static final java.util.Set<String> GREEK = java.util.Set.of("alpha", "beta", "gamma", "delta", "epsilon",
      "zeta", "eta", "theta", "kappa", "lambda", "mu", "nu", "xi", "pi", "rho", "sigma", "tau", "phi", "chi", "psi",
      "omega", "Gamma", "Delta", "Lambda", "Phi", "Psi", "Omega", "Sigma");
  private static final Map<String, String> FUNCTIONS = Map.ofEntries(Map.entry("exp", "\\exp"),
      Map.entry("Exp", "\\exp"), Map.entry("log", "\\log"), Map.entry("Log", "\\log"), Map.entry("min", "\\min"),
      Map.entry("max", "\\max"), Map.entry("sup", "\\sup"), Map.entry("sum", "\\sum"), Map.entry("eps", "\\varepsilon"),
      Map.entry("inf", "\\infty"), Map.entry("ker", "\\ker"), Map.entry("det", "\\det"));
  /** Words that are formulas on their own (the rest of a run of letters is prose). */
  private static final java.util.Set<String> MATH_WORDS = java.util.Set.of("exp", "Exp", "log", "Log", "min", "max",
      "sqrt", "Sqrt", "sum", "eps", "ker", "det");
  private static final Pattern EQUATION_REF = Pattern.compile("\\(\\d+[a-z]?\\)(-\\(\\d+[a-z]?\\))?");
  private static final Pattern CLAIM_ID = Pattern.compile("\\(?(chou|wu|ewn)/[a-z0-9.#\\-]+\\)?");
  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");
  private static final Pattern OPERATOR = Pattern.compile("=|-|\\+|<=|>=|<|>|!=|->|\\*|/|:=|~");

  /** Prose with formulas, for LaTeX text mode: formulas in $...$, the rest escaped. */
  static String prose(String s) {
    StringBuilder b = new StringBuilder();
    for (String[] seg : segments(s)) {
      b.append(seg[0].equals("m") ? "$" + tex(seg[1]) + "$" : esc(seg[1]));
    }
    return b.toString();
  }

  /** A label inside an align* line (math mode): formulas as math, words in \text{...}. */
  static String mathLabel(String s) {
    String label = s.strip();
    if (label.endsWith(":")) {
      label = label.substring(0, label.length() - 1).stripTrailing();
    }
    StringBuilder b = new StringBuilder();
    for (String[] seg : segments(label)) {
      b.append(seg[0].equals("m") ? tex(seg[1]) : seg[1].isBlank() ? "\\ " : "\\text{" + esc(seg[1]) + "}");
    }
    return b.toString();
  }

  /**
   * Splits text into prose ("t") and formula ("m") segments. A word is a formula when it carries
   * formula characters (^ _ = | ~ < > + * /), is a variable with an index (u0, beta1), a single
   * letter other than the article "a", a Greek letter or a function name; numbers and operators
   * join formulas next to them. Equation numbers such as (32) stay prose.
   */
  static List<String[]> segments(String s) {
    List<String[]> tokens = new ArrayList<>(); // {kind, text, separatorBefore}; kind m, n (neutral), o (operator), t
    Matcher m = Pattern.compile("(\\s*)(\\S+)").matcher(s);
    int end = 0;
    while (m.find()) {
      String word = m.group(2);
      String lead = "";
      String trail = "";
      // Punctuation around a word belongs to the sentence, not to a formula.
      while (word.length() > 1 && ",;:.".indexOf(word.charAt(word.length() - 1)) >= 0
          && !(word.endsWith(".") && Character.isDigit(word.charAt(word.length() - 2)) && false)) {
        trail = word.charAt(word.length() - 1) + trail;
        word = word.substring(0, word.length() - 1);
      }
      if (word.startsWith("(") && !balancedParens(word)) {
        lead = "(";
        word = word.substring(1);
      }
      if (word.endsWith(")") && !balancedParens(word) && word.length() > 1) {
        trail = ")" + trail;
        word = word.substring(0, word.length() - 1);
      }
      String kind = classify(word);
      tokens.add(new String[] {"t", m.group(1) + lead, ""});
      tokens.add(new String[] {kind, word, ""});
      for (char c : trail.toCharArray()) {
        tokens.add(new String[] {"t", String.valueOf(c), ""});
      }
      end = m.end();
    }
    if (end < s.length()) {
      tokens.add(new String[] {"t", s.substring(end), ""});
    }
    // A formula run: math words joined by operators, numbers and the spaces or punctuation
    // between them; it starts and ends on a math word or a number attached to one.
    int n = tokens.size();
    boolean[] inMath = new boolean[n];
    for (int i = 0; i < n; i++) {
      if (!tokens.get(i)[0].equals("m")) {
        continue;
      }
      inMath[i] = true;
      // extend right over separators, operators, numbers and math words
      int last = i;
      for (int j = i + 1; j < n; j++) {
        String k = tokens.get(j)[0];
        String text = tokens.get(j)[1];
        if (k.equals("t") && !text.isEmpty() && !text.isBlank() && !isGlue(text)) {
          break;
        }
        if (k.equals("m") || k.equals("n")) {
          last = j;
        }
      }
      for (int j = i; j <= last; j++) {
        inMath[j] = true;
      }
      // extend left over numbers and operators directly before
      int first = i;
      for (int j = i - 1; j >= 0; j--) {
        String k = tokens.get(j)[0];
        String text = tokens.get(j)[1];
        if (k.equals("t") && !text.isBlank() && !isGlue(text)) {
          break;
        }
        if (k.equals("n") || k.equals("o")) {
          first = j;
        } else if (k.equals("t")) {
          continue;
        } else {
          break;
        }
      }
      // a leading operator is kept only if it is a sign glued to what follows (e.g. "-eta" was one word)
      while (first < i && tokens.get(first)[0].equals("o")) {
        first++;
      }
      // close the brackets the formula opened (a ')' split off a word as punctuation) and open the
      // ones it closes
      int bal = balance(tokens, first, last);
      for (int j = last + 1; j < n && bal > 0; j++) {
        String text = tokens.get(j)[1];
        if (tokens.get(j)[0].equals("t") && text.isBlank()) {
          continue;
        }
        if (!tokens.get(j)[0].equals("t") || !isGlue(text) || !text.contains(")")) {
          break;
        }
        last = j;
        bal = balance(tokens, first, last);
      }
      for (int j = first - 1; j >= 0 && bal < 0; j--) {
        String text = tokens.get(j)[1];
        if (tokens.get(j)[0].equals("t") && text.isEmpty()) {
          continue;
        }
        if (!tokens.get(j)[0].equals("t") || !text.strip().equals("(")) {
          break;
        }
        first = j;
        bal = balance(tokens, first, last);
      }
      for (int j = first; j <= last; j++) {
        inMath[j] = true;
      }
      i = last;
    }
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String text = tokens.get(i)[1];
      if (text.isEmpty()) {
        continue;
      }
      boolean math = inMath[i];
      // a separator at the boundary of a run stays prose
      if (math && tokens.get(i)[0].equals("t") && text.isBlank()
          && (i == 0 || !inMath[i - 1] || !nextMath(tokens, inMath, i))) {
        math = false;
      }
      String kind = math ? "m" : "t";
      if (!out.isEmpty() && out.get(out.size() - 1)[0].equals(kind)) {
        out.get(out.size() - 1)[1] += text;
      } else {
        out.add(new String[] {kind, text});
      }
    }
    // Trailing or leading spaces of a formula go outside it.
    List<String[]> fixed = new ArrayList<>();
    for (String[] seg : out) {
      if (seg[0].equals("m")) {
        String st = seg[1].strip();
        int lead = seg[1].indexOf(st);
        if (lead > 0) {
          fixed.add(new String[] {"t", seg[1].substring(0, lead)});
        }
        fixed.add(new String[] {"m", st});
        String tail = seg[1].substring(lead + st.length());
        if (!tail.isEmpty()) {
          fixed.add(new String[] {"t", tail});
        }
      } else {
        fixed.add(seg);
      }
    }
    return fixed;
  }

  private static int balance(List<String[]> tokens, int from, int to) {
    int d = 0;
    for (int j = from; j <= to; j++) {
      for (char c : tokens.get(j)[1].toCharArray()) {
        d += c == '(' ? 1 : c == ')' ? -1 : 0;
      }
    }
    return d;
  }

  private static boolean nextMath(List<String[]> tokens, boolean[] inMath, int i) {
    for (int j = i + 1; j < tokens.size(); j++) {
      if (!tokens.get(j)[1].isEmpty()) {
        return inMath[j];
      }
    }
    return false;
  }

  /** Punctuation that may sit inside a formula ("(eta, 1)", "u_k, r"). */
  private static boolean isGlue(String text) {
    return text.strip().matches("[,()\\[\\]]+");
  }

  private static boolean balancedParens(String w) {
    int d = 0;
    for (char c : w.toCharArray()) {
      d += c == '(' ? 1 : c == ')' ? -1 : 0;
      if (d < 0) {
        return false;
      }
    }
    return d == 0;
  }

  private static String classify(String w) {
    if (w.isEmpty() || EQUATION_REF.matcher(w).matches() || CLAIM_ID.matcher(w).matches()) {
      return "t";
    }
    if (w.matches("<=|>=|!=|<|>|->")) {
      return "m"; // a comparison makes a formula of what it compares ("it is <= 0")
    }
    if (OPERATOR.matcher(w).matches()) {
      return "o";
    }
    if (NUMBER.matcher(w).matches()) {
      return "n";
    }
    if (w.matches("[{}\\d,.+\\-]*\\d[{}\\d,.+\\-]*") && w.contains("{")) {
      return "n"; // an integer matrix such as {{1,2,-1},{3,-1,2}}
    }
    String core = w.replaceAll("^[(\\[{]+|[)\\]}]+$", "").replaceAll("^[-+]", "");
    if (w.matches(".*[\\^_=|~<>+*/].*") || core.matches("[A-Za-z]{1,5}\\d+") || MATH_WORDS.contains(core)
        || GREEK.contains(core) || core.matches("[A-Za-z]") && !core.equals("a")
        || core.matches("(exp|log|Exp|Log|sqrt|Sqrt|min|max|D|L|phi|gamma)\\(.*")) {
      return "m";
    }
    return "t";
  }

  /** A formula in plain-text notation as TeX (math mode). */
  static String tex(String m) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    int n = m.length();
    while (i < n) {
      char c = m.charAt(i);
      if (m.startsWith("||", i)) {
        out.append("\\|");
        i += 2;
      } else if (m.startsWith("<=", i)) {
        out.append("\\le ");
        i += 2;
      } else if (m.startsWith(">=", i)) {
        out.append("\\ge ");
        i += 2;
      } else if (m.startsWith("!=", i)) {
        out.append("\\ne ");
        i += 2;
      } else if (m.startsWith("->", i)) {
        out.append("\\to ");
        i += 2;
      } else if (c == '^' || c == '_') {
        int[] end = new int[1];
        StringBuilder arg = new StringBuilder(script(m, i + 1, end, c == '_'));
        // w_t_perp: TeX has no double subscript; the indices go into one, separated by commas
        while (end[0] < n && m.charAt(end[0]) == c) {
          arg.append(',').append(script(m, end[0] + 1, end, c == '_'));
        }
        out.append(c).append('{').append(arg).append('}');
        i = end[0];
      } else if (Character.isLetter(c)) {
        int j = i;
        while (j < n && Character.isLetter(m.charAt(j))) {
          j++;
        }
        String name = m.substring(i, j);
        int k = j;
        while (k < n && Character.isDigit(m.charAt(k))) {
          k++;
        }
        String digits = m.substring(j, k);
        if ((name.equals("sqrt") || name.equals("Sqrt")) && k < n && m.charAt(k) == '(') {
          int close = matching(m, k);
          if (close > 0) {
            out.append("\\sqrt{").append(tex(m.substring(k + 1, close))).append('}');
            i = close + 1;
            continue;
          }
        }
        String t = identifier(name, m, i, j);
        if (!digits.isEmpty()) {
          t = t + "_{" + digits + "}";
        }
        if (k < n && m.charAt(k) == '~') {
          t = "\\tilde{" + t + "}";
          k++;
        }
        out.append(t);
        // a command followed by a letter needs a separator
        if (t.matches(".*\\\\[A-Za-z]+") && k < n && Character.isLetter(m.charAt(k))) {
          out.append(' ');
        }
        i = k;
      } else if (c == '*' || c == '\u00b7' || c == '\u22c5') {
        out.append("\\cdot ");
        i++;
      } else if (c == '\u2264' || c == '\u2265' || c == '\u2016' || c == '\u2192') {
        out.append(c == '\u2264' ? "\\le " : c == '\u2265' ? "\\ge " : c == '\u2016' ? "\\|" : "\\to ");
        i++;
      } else if (c == '{' || c == '}' || c == '#' || c == '%' || c == '&' || c == '$') {
        out.append('\\').append(c);
        i++;
      } else if (c == '~') {
        out.append("\\sim ");
        i++;
      } else if (c == '\\') {
        out.append("\\backslash ");
        i++;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  /** The TeX of one identifier: Greek letters, functions, d of d/dt, single letters, else upright. */
  private static String identifier(String name, String m, int start, int end) {
    if (GREEK.contains(name)) {
      return "\\" + name;
    }
    if (FUNCTIONS.containsKey(name)) {
      return FUNCTIONS.get(name);
    }
    boolean ratio = end < m.length() && m.charAt(end) == '/' || start > 0 && m.charAt(start - 1) == '/';
    if (name.equals("d") && ratio) {
      return "\\mathrm{d}";
    }
    if (name.length() == 2 && name.charAt(0) == 'd' && ratio) {
      return "\\mathrm{d}" + name.charAt(1);
    }
    return name.length() == 1 ? name : "\\mathrm{" + name + "}";
  }

  /** The argument of ^ or _ starting at {@code from}: a parenthesised group, a braced group, a sign or a word. */
  private static String script(String m, int from, int[] end, boolean subscript) {
    int n = m.length();
    if (from >= n) {
      end[0] = from;
      return "";
    }
    char c = m.charAt(from);
    if (c == '(' || c == '{') {
      int close = matching(m, from);
      if (close > 0) {
        end[0] = close + 1;
        return tex(m.substring(from + 1, close));
      }
      end[0] = from + 1;
      return c == '(' ? "(" : "\\{";
    }
    if (c == '+' || c == '-') {
      if (from + 1 < n && m.charAt(from + 1) == '(') {
        int close = matching(m, from + 1);
        if (close > 0) {
          end[0] = close + 1;
          return c + tex(m.substring(from + 2, close));
        }
      }
      end[0] = from + 1;
      return String.valueOf(c);
    }
    int j = from;
    if (Character.isLetter(c)) {
      while (j < n && Character.isLetter(m.charAt(j))) {
        j++;
      }
      // x^L(0): the script is the letter(s); x_k2: letters then digits
      while (j < n && Character.isDigit(m.charAt(j))) {
        j++;
      }
    } else {
      while (j < n && (Character.isDigit(m.charAt(j)) || m.charAt(j) == '.')) {
        j++;
      }
      if (j == from) {
        j = from + 1;
      }
    }
    end[0] = j;
    String w = m.substring(from, j);
    if (w.matches("[A-Za-z]{2,}\\d*")) {
      String letters = w.replaceAll("\\d+$", "");
      String digits = w.substring(letters.length());
      String t = GREEK.contains(letters) ? "\\" + letters : FUNCTIONS.containsKey(letters) && subscript
          ? FUNCTIONS.get(letters) : "\\mathrm{" + letters + "}";
      return t + digits;
    }
    return tex(w);
  }

  /** Index of the bracket closing the one at {@code open}, or -1. */
  private static int matching(String m, int open) {
    char o = m.charAt(open);
    char c = o == '(' ? ')' : o == '{' ? '}' : ']';
    int d = 0;
    for (int i = open; i < m.length(); i++) {
      if (m.charAt(i) == o) {
        d++;
      } else if (m.charAt(i) == c && --d == 0) {
        return i;
      }
    }
    return -1;
  }

  /** Escapes text for LaTeX text mode. */
  static String esc(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\textbackslash{}");
        case '{' -> b.append("\\{");
        case '}' -> b.append("\\}");
        case '#' -> b.append("\\#");
        case '$' -> b.append("\\$");
        case '%' -> b.append("\\%");
        case '&' -> b.append("\\&");
        case '_' -> b.append("\\_");
        case '^' -> b.append("\\^{}");
        case '~' -> b.append("\\textasciitilde{}");
        case '<' -> b.append("\\textless{}");
        case '>' -> b.append("\\textgreater{}");
        case '|' -> b.append("\\textbar{}");
        case '\u2014' -> b.append("---");
        case '\u2013' -> b.append("--");
        case '\u2264' -> b.append("$\\le$");
        case '\u2265' -> b.append("$\\ge$");
        case '\u00b7', '\u22c5' -> b.append("$\\cdot$");
        case '\u2016' -> b.append("$\\|$");
        case '\u2192' -> b.append("$\\to$");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
