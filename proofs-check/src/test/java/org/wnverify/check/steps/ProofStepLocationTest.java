package org.wnverify.check.steps;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Issue 20: every Chou and Wu step claim is located where its display is printed. The quoted
 * display's key tokens (its own equation number, its words, its Greek letters and log/exp/min/max
 * in the paper's spelling) must occur within the stated line range of the paper text: a range a
 * few lines off misses them. The papers are not in the repository; the test reads them from
 * {@code -Dwnverify.papers=DIR} (default /work/shared/papers) and is skipped where they are absent.
 */
class ProofStepLocationTest {
  /**
   * At least this share of a display's tokens must occur in its range: the displays are quoted in
   * ASCII (d_t, grad, ||.||) while the text is PDF-extracted Unicode (Chou) or LaTeX (Wu), so not
   * every token has a counterpart; every range fixed for issue 20 was below it, every correct one
   * is above.
   */
  static final double MIN_SHARE = 0.5;
  /** Words of the checks' own annotations ("with rank(A_I) = M", "under (13)"), not of the paper. */
  static final Set<String> ANNOTATION = Set.of("with", "under", "from", "where", "lemma", "printed", "rescaled", "gradients",
      "otherwise", "written", "defined", "appendix", "checked", "grad", "perp", "sqrt");
  static final Map<String, String> CHOU_SYMBOLS = Map.ofEntries(Map.entry("eta", "η"), Map.entry("sigma", "σ"),
      Map.entry("gamma", "γ"), Map.entry("delta", "δ"), Map.entry("Delta", "∆"), Map.entry("lambda", "λ"), Map.entry("xi", "ξ"),
      Map.entry("grad", "∇"), Map.entry("d_t", "∂t"), Map.entry("eps", "ε"));
  static final Map<String, String> WU_SYMBOLS = Map.ofEntries(Map.entry("eta", "\\eta"), Map.entry("sigma", "\\sigma"),
      Map.entry("gamma", "\\gamma"), Map.entry("delta", "\\delta"), Map.entry("lambda", "\\lambda"), Map.entry("grad", "\\nabla"));
  private static final Pattern ANNOTATED = Pattern.compile("\\((?:[^()]*\\s){2,}[^()]*\\)");

  /** The display's tokens: its own equation number, then symbols and words outside long parentheticals. */
  static List<String> tokens(ProofStepIndex.Row r, Map<String, String> symbols) {
    Set<String> t = new LinkedHashSet<>();
    String claim = r.claim().orElse("");
    Matcher eq = Pattern.compile("#eq-(\\d+)").matcher(claim);
    if (eq.find()) {
      t.add("(" + eq.group(1) + ")");
    }
    if (claim.endsWith("-corrected")) {
      return List.copyOf(t); // a corrected display is the check's own wording, not the paper's
    }
    String d = r.display();
    for (String prev = null; !d.equals(prev); ) {
      prev = d;
      d = ANNOTATED.matcher(d).replaceAll("");
    }
    Matcher w = Pattern.compile("[A-Za-z_]+").matcher(d);
    while (w.find()) {
      String s = w.group();
      if (symbols.containsKey(s)) {
        t.add(symbols.get(s));
      } else if (s.length() >= 4 && s.chars().allMatch(Character::isLetter) && !ANNOTATION.contains(s.toLowerCase(Locale.ROOT))) {
        t.add(s.toLowerCase(Locale.ROOT));
      }
    }
    for (String f : new String[] {"log", "exp", "min", "max"}) {
      if (Pattern.compile("\\b" + f + "\\b").matcher(d).find()) {
        t.add(f);
      }
    }
    return List.copyOf(t);
  }

  /** Why r is not where its lines say, or empty. */
  static java.util.Optional<String> misplaced(ProofStepIndex.Row r, List<String> lines) {
    String[] ab = r.lines().split("-");
    int a = Integer.parseInt(ab[0]);
    int b = Integer.parseInt(ab[ab.length - 1]);
    if (a < 1 || b < a || b > lines.size()) {
      return java.util.Optional.of(r.claim().orElse("?") + ": lines " + r.lines() + " outside 1-" + lines.size());
    }
    String range = String.join("\n", lines.subList(a - 1, b)).toLowerCase(Locale.ROOT);
    List<String> t = tokens(r, r.file().equals(ProofStepIndex.CHOU) ? CHOU_SYMBOLS : WU_SYMBOLS);
    // an equation number is printed "(n)" or, in Wu's LaTeX, "\\tag{n}"
    List<String> missing = t.stream().filter(x -> !range.contains(x.toLowerCase(Locale.ROOT))
        && !(x.matches("\\(\\d+\\)") && range.contains("\\tag{" + x.substring(1, x.length() - 1) + "}"))).toList();
    boolean ownLabel = t.isEmpty() || !t.get(0).startsWith("(") || !missing.contains(t.get(0));
    if (!ownLabel || (!t.isEmpty() && t.size() - missing.size() < MIN_SHARE * t.size())) {
      return java.util.Optional.of(r.claim().orElse("?") + " at " + r.lines() + ": missing " + missing + " of " + t);
    }
    return java.util.Optional.empty();
  }

  private static Map<String, List<String>> papers() throws java.io.IOException {
    Path dir = Path.of(System.getProperty("wnverify.papers", "/work/shared/papers"));
    Path chou = dir.resolve(ProofStepIndex.CHOU);
    Path wu = dir.resolve(ProofStepIndex.WU);
    Assumptions.assumeTrue(Files.isReadable(chou) && Files.isReadable(wu), "paper texts not found in " + dir);
    return Map.of(ProofStepIndex.CHOU, Files.readAllLines(chou, StandardCharsets.UTF_8),
        ProofStepIndex.WU, Files.readAllLines(wu, StandardCharsets.UTF_8));
  }

  /** The ranges issue 20 found off (Wu (12) at 566-568, Chou (28) at 699-707, Lemma 3.12's step 1 at 1762-1764) are caught. */
  @Test
  void theRangesFoundOffAreCaught() throws Exception {
    Map<String, List<String>> text = papers();
    Map<String, String> old = Map.of("wu/lemma-c.1#eq-12", "566-568", "chou/lemma-3.3#eq-28", "699-707",
        "chou/lemma-3.8#eq-35", "1007-1012", "wu/lemma-c.1#step-4", "590-592");
    for (ProofStepIndex.Row r : ProofStepIndex.rows()) {
      String lines = old.get(r.claim().orElse(""));
      if (lines != null) {
        ProofStepIndex.Row moved = new ProofStepIndex.Row(r.proof(), r.file(), lines, r.kind(), r.display(), r.claim(), r.remark());
        assertThat(misplaced(moved, text.get(r.file()))).as(r.claim() + " at " + lines).isPresent();
        assertThat(misplaced(r, text.get(r.file()))).as(r.claim() + " at " + r.lines()).isEmpty();
      }
    }
  }

  @Test
  void everyChouAndWuStepIsLocatedWhereItsDisplayIsPrinted() throws Exception {
    Map<String, List<String>> text = papers();
    List<String> off = new ArrayList<>();
    int checked = 0;
    for (ProofStepIndex.Row r : ProofStepIndex.rows()) {
      List<String> lines = text.get(r.file());
      if (lines == null) {
        continue;
      }
      misplaced(r, lines).ifPresent(off::add);
      checked++;
    }
    assertThat(checked).isGreaterThanOrEqualTo(130);
    assertThat(off).as("steps whose display is not within their stated lines").isEmpty();
  }
}
