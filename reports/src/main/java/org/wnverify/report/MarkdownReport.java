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
 * report.md: a verdict table a person reads in ten seconds, failures first in the summary line,
 * then one section per claim with the statement, the numbers, the negative controls and how to
 * replay a counterexample.
 */
public final class MarkdownReport implements ReportFormat {
  private final ClaimInfo info;

  public MarkdownReport(ClaimInfo info) {
    this.info = info;
  }

  @Override
  public String fileName() {
    return "report.md";
  }

  @Override
  public String render(AuditReport r) {
    StringBuilder sb = new StringBuilder();
    sb.append("# wnverify audit\n\n");
    sb.append(statusLine(r)).append("\n\n");
    sb.append("Seed ").append(r.settings().seed()).append(", ").append(r.settings().samples())
        .append(" samples per sampled claim");
    if (r.settings().instanceFile() != null) {
      sb.append(", instance `").append(r.settings().instanceFile()).append('`');
    }
    sb.append(", profile ").append(r.settings().profile());
    sb.append(". Rerun: `./wnverify ").append(r.settings().command());
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
    sb.append("`\n\n");
    sb.append("| claim | verdict | kind | summary |\n|---|---|---|---|\n");
    for (ClaimOutcome o : r.outcomes()) {
      sb.append("| [`").append(o.id()).append("`](#").append(anchor(o.id().toString())).append(") | ")
          .append(badge(o.verdict())).append(" | ").append(info.kind(o.id())).append(" | ")
          .append(cell(brief(o.summary()))).append(" |\n");
    }
    for (String id : r.planned()) {
      if (r.outcomes().stream().noneMatch(o -> o.id().toString().equals(id))) {
        sb.append("| `").append(id).append("` | (running) | | |\n");
      }
    }
    sb.append("\n## Details\n");
    for (ClaimOutcome o : r.outcomes()) {
      details(sb, o);
    }
    return sb.toString();
  }

  private static String statusLine(AuditReport r) {
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

  private void details(StringBuilder sb, ClaimOutcome o) {
    sb.append("\n### ").append(o.id()).append("\n\n");
    sb.append("**").append(o.verdict()).append("**: ").append(o.summary()).append("\n\n");
    String location = info.location(o.id());
    if (!location.isEmpty()) {
      sb.append("*").append(info.paperTitle(o.id())).append("*, ").append(location).append(".\n\n");
    }
    String statement = info.statement(o.id());
    if (!statement.isEmpty()) {
      sb.append("> ").append(statement.replace("\n", "\n> ")).append("\n\n");
    }
    sb.append("Seed `").append(o.seed()).append("`, ")
        .append(String.format(Locale.ROOT, "%.2f", o.seconds())).append(" s.\n\n");
    if (!o.evidence().isEmpty()) {
      sb.append("| measurement | value |\n|---|---|\n");
      o.evidence().forEach((k, v) -> sb.append("| ").append(cell(k)).append(" | ").append(cell(format(v))).append(" |\n"));
      sb.append('\n');
    }
    for (EvidenceTable t : o.tables()) {
      sb.append("**").append(t.title()).append("**\n\n| ")
          .append(String.join(" | ", t.columns().stream().map(MarkdownReport::cell).toList())).append(" |\n|");
      sb.append("---|".repeat(t.columns().size())).append('\n');
      for (List<Object> row : t.rows()) {
        sb.append("| ");
        for (Object cellValue : row) {
          sb.append(cell(format(cellValue))).append(" | ");
        }
        sb.setLength(sb.length() - 1);
        sb.append('\n');
      }
      sb.append('\n');
    }
    if (!o.negativeControls().isEmpty()) {
      sb.append("Negative controls (a wrong version the same check must reject):\n\n");
      for (NegativeControl c : o.negativeControls()) {
        sb.append("- ").append(c.rejected() ? "rejected" : "**NOT rejected**").append(" (").append(c.verdict())
            .append("): ").append(c.mutation()).append(" — ").append(c.detail()).append('\n');
      }
      sb.append('\n');
    }
    if (o.counterexample() != null) {
      sb.append("Counterexample: ").append(o.counterexample().description()).append("\n\n");
      if (o.counterexample().savedTo() != null) {
        sb.append("Replay: `./wnverify check ").append(o.id().parent()).append(" --instance ")
            .append(o.counterexample().savedTo()).append("`\n\n");
      }
    }
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
    return summary.length() <= BRIEF_LENGTH ? summary : summary.substring(0, BRIEF_LENGTH - 1).stripTrailing() + "…";
  }

  private static String badge(Verdict v) {
    return v.isFailing() ? "**" + v + "**" : v.toString();
  }

  private static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }

  private static String anchor(String id) {
    return id.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9\\- ]", "").replace(' ', '-');
  }
}
