package org.wnverify.check.steps;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wnverify.symbolic.derive.ProofSteps;

/**
 * The index of the displayed steps of the printed proofs (issue 20): per proof, every numbered or
 * displayed equation and inequality with its file and line range, its kind and the claim that
 * checks it, or none yet. Rows of checked steps come from the catalogue itself (the symbolic steps
 * of {@link ProofSteps#table()} and the sampled steps of {@link SampledStepClaims#steps()}), so a
 * step added there is indexed without a second edit; the steps not yet checked are listed in
 * {@link #PENDING} (Wu's Appendices D and E: {@link WuAppendixDERows}). The proofs indexed are Chou et
 * al.'s Section 3, Wu et al.'s Appendices B-E and the EWN paper's appendix. {@code docs/proof-steps.md} is {@link #markdown()} (ProofStepIndexTest keeps
 * them equal and rewrites the file when run with {@code -Dwnverify.writeDocs=true}).
 */
public final class ProofStepIndex {
  private ProofStepIndex() {}

  /** What a display asserts, which decides how it is checked. */
  public enum Kind {
    IDENTITY("identity"), INEQUALITY("inequality"), CONSERVED("conserved quantity"), HENCE("hence / minimum of"),
    LIMIT("limit");

    public final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  /**
   * One display.
   *
   * @param proof the proof it stands in, as the id of the statement it proves ("chou/lemma-3.6")
   * @param file the paper file
   * @param lines the line range in that file, "a-b" or "a"
   * @param claim the id of the claim that checks it, or empty if none does yet
   * @param remark why not yet, or what the check found
   */
  public record Row(String proof, String file, String lines, Kind kind, String display, Optional<String> claim, String remark) {
    int firstLine() {
      Matcher m = Pattern.compile("\\d+").matcher(lines);
      return m.find() ? Integer.parseInt(m.group()) : 0;
    }
  }

  static final String CHOU = "000_5b7b2fae69929679.txt";
  static final String WU = "001_b498c678a289d7b1.txt";

  /** Symbolic steps that assert a conserved quantity (d_t of it is 0) rather than a plain identity. */
  private static final Set<String> CONSERVED_STEPS = Set.of("chou/lemma-3.2#step-1", "chou/lemma-3.7#step-1", "wu/lemma-2.2#step-8",
      "ewn/theorem-1#step-2");

  private static Row pending(String proof, String file, String lines, Kind kind, String display, String remark) {
    return new Row(proof, file, lines, kind, display, Optional.empty(), remark);
  }

  private static Row checkedBy(String proof, String file, String lines, Kind kind, String display, String claim, String remark) {
    return new Row(proof, file, lines, kind, display, Optional.of(claim), remark);
  }

  /**
   * Displays with no step claim of their own: not yet checked, or checked by a statement's claim
   * (the conserved quantities of Lemmas 3.7, 3.8 used inside later proofs, the Gronwall conclusions
   * that are the statements themselves).
   */
  static final List<Row> PENDING = List.of(
      checkedBy("chou/lemma-3.1", CHOU, "636-654", Kind.IDENTITY, "(25) r^(a) = r, u^(a) = a u; the gradients at (r^(a), u^(a)); (26), (27)",
          "chou/lemma-3.1#proof", "checked with the statement"),
      checkedBy("chou/lemma-3.6", CHOU, "841", Kind.IDENTITY, "d_t L~(r,u) = -eta_r ||grad_r L~||^2 - eta_u ||grad_u L~||^2 (by Lemma 3.5)",
          "chou/lemma-3.5#step-1", "the same display as in Lemma 3.5"),
      checkedBy("chou/lemma-3.6", CHOU, "903-916", Kind.HENCE, "By Gronwall's inequality, L(x(t)) <= L(x(t0)) exp(-min(c_r, |I| c_u c_x^2) 2L c_x^(2L-2) "
          + "sigma_min^2(A|_I) (t - t0))", "chou/lemma-3.6", "the statement (30) itself, checked along flows"),
      checkedBy("chou/lemma-3.10", CHOU, "1452-1454", Kind.CONSERVED, "(I - P_A) log(x(t_k)) = (I - P_A) log(x0) (Lemma 3.7's invariant)",
          "chou/lemma-3.7", "the invariant of Lemma 3.7, checked along flows with refinement"),
      checkedBy("chou/theorem-2.2", CHOU, "1637-1670", Kind.LIMIT, "lim P_A[x~(t) - x~_wn(t)] = 0 and lim (I - P_A)[log x~ - log x~_wn] "
          + "(L = 2) or [x~^(2/L-1) - x~_wn^(2/L-1)] = 0, with x~_wn rescaled by gamma(r0, r_inf)", "chou/lemma-3.11",
          "premises (43), (44) measured at the WN limit and the GF limit from the rescaled start, along flows"),
      checkedBy("chou/lemma-3.12", CHOU, "1739-1749", Kind.CONSERVED, "(47): (I - P_A) log(r~u) (L = 2), (I - P_A)(r~u)^(2-L) (L != 2) "
          + "equals its value at initialization", "chou/lemma-3.8", "the invariant (32) of Lemma 3.8, checked along flows"),
      checkedBy("chou/theorem-2.3", CHOU, "1882-1885", Kind.HENCE, "By Lemma 3.12, ||x(t)|| is bounded, and hence by Theorem 3.13 converges to a "
          + "critical point of L~", "chou/theorem-2.3", "the statement's conclusion, checked along flows: the proof is this one line"),
      checkedBy("wu/lemma-2.5", WU, "454", Kind.CONSERVED, "d||w_t||^2/dt = 2 w_t^T dw_t/dt = 0", "wu/lemma-2.2#step-8", "the same display as in Appendix B"),
      checkedBy("wu/theorem-2.6", WU, "462", Kind.IDENTITY, "(10): d[1/2||r_t||^2]/dt = -r_t^T A [c w_t w_t^T + g_t^2 P_t] A^T r_t",
          "wu/lemma-2.4#step-1", "the last line of the display of Lemma 2.4's proof"),
      checkedBy("wu/theorem-2.6", WU, "474-478", Kind.LIMIT, "From Equation (10), this implies that (r_t^T A w_t)^2 -> 0 (along the "
          + "flow, to its limit)", "wu/theorem-2.6#step-6-along-flow", "along WN flows to their limit, with the limit's uncertainty"));

  /** Every row: the catalogue's step claims and the pending displays, grouped by proof, in the order of the paper. */
  public static List<Row> rows() {
    List<Row> all = new ArrayList<>();
    for (ProofSteps.Step s : ProofSteps.table()) {
      Kind k = CONSERVED_STEPS.contains(s.id()) ? Kind.CONSERVED : Kind.IDENTITY;
      all.add(new Row(proofOf(s.id()), fileOf(s.location()), linesOf(s.location()), k, s.display(), Optional.of(s.id()),
          "symbolic" + (s.finding() ? "; a finding" : "")));
    }
    for (SampledStep s : SampledStepClaims.steps()) {
      Kind k = s.mode() == SampledStep.Mode.HENCE ? Kind.HENCE : Kind.INEQUALITY;
      boolean finding = s.notes().stream().anyMatch(n -> n.startsWith("FINDING"));
      all.add(new Row(proofOf(s.id().toString()), fileOf(s.location()), linesOf(s.location()), k, s.statement(),
          Optional.of(s.id().toString()), "sampled" + (finding ? "; a finding" : "")));
    }
    all.addAll(PENDING);
    all.addAll(WuAppendixDERows.ROWS);
    all.addAll(EwnStepRows.ROWS);
    // proofs in the order they are printed: by the first line any of their rows has
    Map<String, Integer> first = new java.util.HashMap<>();
    all.forEach(r -> first.merge(r.proof(), r.firstLine(), Math::min));
    all.sort(Comparator.comparing((Row r) -> paperOrder(r.proof())).thenComparingInt(r -> first.get(r.proof()))
        .thenComparing(Row::proof).thenComparingInt(Row::firstLine).thenComparing(r -> r.claim().orElse("")));
    return List.copyOf(all);
  }

  private static int paperOrder(String proof) {
    return proof.startsWith("chou/") ? 0 : proof.startsWith("wu/") ? 1 : 2;
  }

  static String proofOf(String id) {
    int hash = id.indexOf('#');
    return hash < 0 ? id : id.substring(0, hash);
  }

  static String fileOf(String location) {
    Matcher m = Pattern.compile("(\\d{3}_[0-9a-f]+\\.txt)").matcher(location);
    return m.find() ? m.group(1) : "";
  }

  static String linesOf(String location) {
    Matcher m = Pattern.compile("lines? ([0-9][0-9 ,\\-]*)").matcher(location);
    return m.find() ? m.group(1).trim() : "";
  }

  /** The index as docs/proof-steps.md. */
  public static String markdown() {
    List<Row> rows = rows();
    Map<String, List<Row>> byProof = new LinkedHashMap<>();
    rows.forEach(r -> byProof.computeIfAbsent(r.proof(), k -> new ArrayList<>()).add(r));
    long checked = rows.stream().filter(r -> r.claim().isPresent()).count();
    StringBuilder s = new StringBuilder();
    s.append("# Index of the displayed proof steps\n\n")
        .append("Generated from the catalogue by `org.wnverify.check.steps.ProofStepIndex` (do not edit by hand; ")
        .append("`ProofStepIndexTest` fails when this file and the catalogue differ, and ")
        .append("the same test with `-Dwnverify.writeDocs=true` rewrites it).\n\n")
        .append("Every numbered or displayed equation and inequality inside the proofs of Chou, Rauhut, Ward, Section 3 ")
        .append("(`").append(CHOU).append("`), of Wu et al., Appendices B-E (`").append(WU).append("`) and of the EWN paper's ")
        .append("appendix proofs (`").append(EwnStepRows.EWN).append("`, an OCR: displays as ewn.md reconstructs them), with its lines, its kind ")
        .append("and the claim that checks it (`wnverify check ID`). Identities are proved symbolically, inequalities and ")
        .append("\"hence\" steps are checked on sampled states that satisfy the proof's standing assumptions ")
        .append("(corners included), conserved quantities along flows with refinement.\n\n")
        .append(rows.size()).append(" displays, ").append(checked).append(" with a claim, ").append(rows.size() - checked)
        .append(" not yet.\n");
    byProof.forEach((proof, rs) -> {
      s.append("\n## ").append(proof).append("\n\n| lines | kind | display | claim | remark |\n|---|---|---|---|---|\n");
      for (Row r : rs) {
        s.append("| ").append(r.file().startsWith("001") ? "wu " : r.file().startsWith("004") ? "ewn " : "").append(r.lines()).append(" | ").append(r.kind().label)
            .append(" | ").append(cell(r.display())).append(" | ").append(r.claim().map(c -> "`" + c + "`").orElse("not yet"))
            .append(" | ").append(cell(r.remark())).append(" |\n");
      }
    });
    return s.toString();
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }

  /** The repository root: the nearest directory above the working directory with a docs/ folder. */
  static java.nio.file.Path repositoryRoot() {
    java.nio.file.Path p = java.nio.file.Path.of("").toAbsolutePath();
    while (p != null && !java.nio.file.Files.isDirectory(p.resolve("docs"))) {
      p = p.getParent();
    }
    if (p == null) {
      throw new IllegalStateException("no docs/ directory above " + java.nio.file.Path.of("").toAbsolutePath());
    }
    return p;
  }
}
