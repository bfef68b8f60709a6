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
    b.append("\\textbf{Statement.} ").append(esc(r.statement())).append(".\n\n");
    b.append("\\textbf{Verdict: ").append(esc(p.verdict().name())).append("}")
        .append(p.pointsChecked() > 0 ? " (" + p.pointsChecked() + " exact random rational points evaluated)" : "")
        .append(", in the cases ").append(esc(p.dimensions())).append(".\n");
    if (!r.skipped().isEmpty()) {
      b.append("Cases skipped (time budget): ").append(esc(String.join("; ", r.skipped()))).append(".\n");
    }
    for (String n : r.notes()) {
      b.append("\n\\emph{Note.} ").append(esc(n)).append(".\n");
    }
    r.display().ifPresent(d -> {
      Shown s = evaluate(d, engine, true);
      b.append("\n\\textbf{Objects} (case ").append(esc(d.dimensions())).append("):\n");
      b.append("\\begin{align*}\n");
      List<String> lines = new ArrayList<>();
      for (String[] def : s.definitions()) {
        lines.add("  \\text{" + esc(def[0]) + "} &:= " + def[1]);
      }
      b.append(String.join(" \\\\\n", lines)).append("\n\\end{align*}\n");
      b.append("\\textbf{Equations} (left side as derived by Symja, right side as printed; lhs $-$ rhs simplifies to 0):\n");
      b.append("\\begin{align*}\n");
      lines.clear();
      for (String[] eq : s.equations()) {
        lines.add("  &\\text{" + esc(eq[0]) + ":} \\\\\n  &\\qquad " + eq[1] + " \\\\\n  &\\qquad = " + eq[2]);
      }
      b.append(String.join(" \\\\\n", lines)).append("\n\\end{align*}\n");
    });
    b.append("\\textbf{Steps} (case ").append(esc(r.display().map(Display::dimensions).orElse("first")))
        .append("; the other cases are alike).\n\\begin{enumerate}\n");
    for (String s : firstCaseSteps(p.steps())) {
      b.append("  \\item ").append(esc(s.strip())).append('\n');
    }
    b.append("\\end{enumerate}\n");
    b.append("Simplified defect: ").append(esc(p.defect())).append(".\n");
    p.witness().ifPresent(w -> b.append("Witness: ").append(esc(w.toString())).append(".\n"));
    b.append("\n\\textbf{Negative controls} (each must be refuted by the same machinery):\n\\begin{itemize}\n");
    for (ControlProof c : r.controls()) {
      b.append("  \\item ").append(esc(c.mutation())).append(": ").append(esc(c.proof().verdict().name()));
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
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
