package org.wnverify.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditReport;

/**
 * report.md: a summary fit for a pull-request comment (status, verdict counts by paper, the
 * findings with their corrected variants, what changed against the baseline, the inconclusive
 * claims and why), then a one-line-per-claim table linking to {@code claims/<id>.md}, where the
 * numbers are. Its size grows with the number of claims, not with the evidence behind them.
 */
public final class MarkdownReport implements ReportFormat {
  private final ReportContext ctx;

  public MarkdownReport(ReportContext ctx) {
    this.ctx = ctx;
  }

  public MarkdownReport(ClaimInfo info) {
    this(ReportContext.of(info));
  }

  @Override
  public String fileName() {
    return "report.md";
  }

  @Override
  public String render(AuditReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# wnverify audit\n\n");
    ShardMarker.of(r).ifPresent(m -> sb.append("> **").append(m.headline()).append("** ").append(m.detail()).append("\n\n"));
    sb.append(statusLine(r)).append("\n\n");
    sb.append("Seed ").append(r.settings().seed()).append(", ").append(r.settings().samples())
        .append(" samples per sampled claim");
    if (r.settings().instanceFile() != null) {
      sb.append(", instance `").append(r.settings().instanceFile()).append('`');
    }
    sb.append(", profile ").append(r.settings().profile()).append(", wnverify ").append(r.settings().toolVersion());
    sb.append(". Rerun: `").append(rerunCommand(r)).append("`\n");
    ctx.comparison(r).ifPresent(c -> baseline(sb, c));
    byPaper(sb, r);
    findings(sb, r);
    inconclusive(sb, r);
    sb.append("\n<details><summary>All ").append(r.planned().size()).append(" claims</summary>\n\n");
    // Ids only, grouped by verdict: the whole list stays short enough for a pull-request comment
    // (GitHub refuses comments over 65,536 characters) with the catalogue past 350 claims; a table
    // with a link per claim took 33 KB of the 65 there.
    sb.append("Failing and inconclusive claims have their summary above. Each claim's numbers are in `")
        .append(ReportLinks.claimFile(org.wnverify.check.ClaimId.parse("chou/lemma-3.10#step-3")))
        .append("` and the like (`claims/<paper>_<item>[_<sub>].md`), and in index.html.\n");
    for (Verdict v : Verdict.values()) {
      List<String> ids = r.outcomes().stream().filter(o -> o.verdict() == v).map(o -> "`" + o.id() + "`").toList();
      if (!ids.isEmpty()) {
        sb.append("\n").append(badge(v)).append(" (").append(ids.size()).append("): ").append(String.join(", ", ids))
            .append('\n');
      }
    }
    List<String> running = r.planned().stream()
        .filter(id -> r.outcomes().stream().noneMatch(o -> o.id().toString().equals(id))).map(id -> "`" + id + "`").toList();
    if (!running.isEmpty()) {
      sb.append("\n(running) (").append(running.size()).append("): ").append(String.join(", ", running)).append('\n');
    }
    sb.append("\n</details>\n\nDetails: one file per claim in `claims/`; everything, with charts, in `index.html`; "
        + "for machines `report.json` and `junit.xml`.\n");
    return sb.toString();
  }

  /** The command line that reruns this audit. */
  static String rerunCommand(AuditReport r) {
    StringBuilder sb = new StringBuilder("./wnverify ").append(r.settings().command());
    for (String s : r.settings().selection()) {
      sb.append(r.settings().command().equals("audit") ? " --only '" : " '").append(s).append('\'');
    }
    if (!"QUICK".equals(r.settings().profile())) {
      sb.append(" --profile ").append(r.settings().profile().toLowerCase(Locale.ROOT));
    }
    sb.append(" --seed ").append(r.settings().seed()).append(" --samples ").append(r.settings().samples());
    if (r.settings().instanceFile() != null) {
      sb.append(" --instance ").append(r.settings().instanceFile());
    }
    return sb.toString();
  }

  private static void baseline(StringBuilder sb, BaselineComparison c) {
    sb.append("\n## Against the baseline\n\n");
    long failing = c.failingChanges().size();
    if (c.changes().isEmpty()) {
      sb.append("No change against `").append(c.baselineName()).append("` (").append(c.baseline().claims().size())
          .append(" claims expected, ").append(c.baseline().findings()).append(" of them known findings).\n");
    } else {
      sb.append(failing == 0 ? "No failing change" : "**" + failing + " failing change" + (failing == 1 ? "" : "s") + "**")
          .append(" against `").append(c.baselineName()).append("`");
      long other = c.changes().size() - failing;
      sb.append(other > 0 ? " (" + other + " other difference" + (other == 1 ? "" : "s") + ")" : "").append(".\n\n");
      sb.append("| change | claim | expected | now | summary |\n|---|---|---|---|---|\n");
      for (BaselineComparison.Change ch : c.changes()) {
        sb.append("| ").append(ch.kind().failing() ? "**" + ch.kind().label() + "**" : ch.kind().label()).append(" | `")
            .append(ch.id()).append("` | ").append(ch.expected() == null ? "(new claim)" : ch.expected().name())
            .append(" | ").append(ch.actual() == null ? "(gone)" : ch.actual().name()).append(" | ")
            .append(cell(ch.summary() == null ? "" : ch.summary())).append(" |\n");
      }
    }
    for (String w : c.warnings()) {
      sb.append("\nNote: ").append(w).append(".\n");
    }
  }

  private static void byPaper(StringBuilder sb, AuditReport r) {
    sb.append("\n## Verdicts by paper\n\n| paper | claims |");
    for (Verdict v : Verdict.values()) {
      sb.append(' ').append(v).append(" |");
    }
    sb.append("\n|---|---|").append("---|".repeat(Verdict.values().length)).append('\n');
    Map<String, Map<Verdict, Integer>> counts = countsByPaper(r);
    counts.forEach((paper, c) -> {
      sb.append("| ").append(ClaimInfo.paperShort(paper)).append(" (`").append(paper).append("`) | ")
          .append(c.values().stream().mapToInt(Integer::intValue).sum()).append(" |");
      for (Verdict v : Verdict.values()) {
        int n = c.getOrDefault(v, 0);
        sb.append(' ').append(n == 0 ? "" : v.isFailing() ? "**" + n + "**" : String.valueOf(n)).append(" |");
      }
      sb.append('\n');
    });
  }

  /** Verdict counts per paper, papers in the order chou, wu, ewn, then any other. */
  static Map<String, Map<Verdict, Integer>> countsByPaper(AuditReport r) {
    Map<String, Map<Verdict, Integer>> m = new java.util.TreeMap<>(java.util.Comparator.comparingInt(
        (String p) -> List.of("chou", "wu", "ewn").indexOf(p) < 0 ? 99 : List.of("chou", "wu", "ewn").indexOf(p))
        .thenComparing(p -> p));
    for (ClaimOutcome o : r.outcomes()) {
      m.computeIfAbsent(o.id().paper(), p -> new java.util.EnumMap<>(Verdict.class)).merge(o.verdict(), 1, Integer::sum);
    }
    return m;
  }

  private void findings(StringBuilder sb, AuditReport r) {
    List<Findings.Finding> fs = Findings.statements(r, ctx.info());
    sb.append("\n## Findings: printed statements that fail (").append(fs.size()).append(")\n\n");
    if (fs.isEmpty()) {
      sb.append("None in this run.\n");
    } else {
      sb.append("| claim | verdict | what fails | corrected variant |\n|---|---|---|---|\n");
      for (Findings.Finding f : fs) {
        ClaimOutcome o = f.printed();
        sb.append("| ").append(link(o.id())).append(" | **").append(o.verdict()).append("** | ")
            .append(cell(brief(o.summary()))).append(" | ").append(corrected(f)).append(" |\n");
      }
    }
    List<Findings.Finding> steps = Findings.proofSteps(r, ctx.info());
    if (steps.isEmpty()) {
      return;
    }
    sb.append("\n## Proof-step findings: displayed steps of the proofs that fail (").append(steps.size())
        .append(")\n\n| step | verdict | what fails | corrected step | the statement in this run |\n|---|---|---|---|---|\n");
    for (Findings.Finding f : steps) {
      ClaimOutcome o = f.printed();
      List<ClaimOutcome> st = Findings.statementChecks(o, r, ctx.info());
      String statement = st.isEmpty() ? "not checked in this run"
          : String.join(", ", st.stream().map(c -> link(c.id()) + " " + c.verdict()).toList())
              + (st.stream().noneMatch(c -> c.verdict().rejects()) ? " (the wrong step does not make it fail)" : "");
      sb.append("| ").append(link(o.id())).append(" | **").append(o.verdict()).append("** | ")
          .append(cell(brief(o.summary()))).append(" | ").append(corrected(f)).append(" | ").append(statement).append(" |\n");
    }
  }

  private String corrected(Findings.Finding f) {
    ClaimOutcome o = f.printed();
    return f.corrected().map(c -> link(c.id()) + " " + c.verdict()).orElse(
        ctx.info().has(ReportLinks.correctedVariantOf(o.id()))
            ? "`" + ReportLinks.correctedVariantOf(o.id()) + "` (not in this run)" : "none");
  }

  private void inconclusive(StringBuilder sb, AuditReport r) {
    List<ClaimOutcome> open = r.outcomes().stream().filter(o -> o.verdict() == Verdict.INCONCLUSIVE).toList();
    if (open.isEmpty()) {
      return;
    }
    sb.append("\n## Inconclusive (").append(open.size()).append("): neither confirmed nor refuted\n\n");
    for (ClaimOutcome o : open) {
      sb.append("- ").append(link(o.id())).append(": ").append(cell(brief(o.summary()))).append('\n');
    }
  }

  private static String link(org.wnverify.check.ClaimId id) {
    return "[`" + id + "`](" + ReportLinks.claimFile(id) + ")";
  }

  static String statusLine(AuditReport r) {
    Map<Verdict, Integer> c = r.counts();
    StringBuilder sb = new StringBuilder();
    sb.append(switch (r.status()) {
      case COMPLETE -> r.passed() ? "**PASSED**" : "**FAILED**";
      case RUNNING -> "**RUNNING**";
      case INTERRUPTED -> "**INTERRUPTED**";
    });
    sb.append(": ").append(r.outcomes().size()).append(" of ").append(r.planned().size()).append(" claims checked");
    for (Verdict v : Verdict.values()) {
      if (c.get(v) > 0) {
        sb.append(", ").append(c.get(v)).append(' ').append(v.name());
      }
    }
    return sb.append('.').toString();
  }

  static String format(Object v) {
    if (v instanceof Double d) {
      return formatDouble(d);
    }
    if (v instanceof Float f) {
      return formatDouble(f.doubleValue());
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(format(l.get(i)));
      }
      return sb.append(']').toString();
    }
    return String.valueOf(v);
  }

  static String formatDouble(double d) {
    if (d == 0 || Double.isNaN(d) || Double.isInfinite(d)) {
      return Double.toString(d);
    }
    double a = Math.abs(d);
    return a >= 1e-3 && a < 1e6 ? String.format(Locale.ROOT, "%.6g", d) : String.format(Locale.ROOT, "%.3e", d);
  }

  /** Longest summary shown in the verdict table; the full text is in the claim's section. */
  private static final int BRIEF_LENGTH = 160;

  static String brief(String summary) {
    return brief(summary, BRIEF_LENGTH);
  }

  static String brief(String summary, int length) {
    return summary.length() <= length ? summary : summary.substring(0, length - 1).stripTrailing() + "…";
  }

  private static String badge(Verdict v) {
    return v.isFailing() ? "**" + v + "**" : v.toString();
  }

  static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}
