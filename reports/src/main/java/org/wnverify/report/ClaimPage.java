package org.wnverify.report;

import java.util.List;
import java.util.Locale;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.run.AuditReport;

/**
 * {@code claims/<id>.md}: everything about one claim for a reader who opened it from the
 * summary: the statement as printed, how it was checked, the numbers, the negative controls, the
 * counterexample and the command that replays it.
 */
public final class ClaimPage {
  /** Rows of one evidence table shown in Markdown; the rest are in report.json and index.html. */
  static final int MAX_ROWS = 200;

  private final ReportContext ctx;

  public ClaimPage(ReportContext ctx) {
    this.ctx = ctx;
  }

  public String render(ClaimOutcome o, AuditReport r) {
    ClaimInfo info = ctx.info();
    StringBuilder sb = new StringBuilder();
    sb.append("# ").append(o.id()).append("\n\n");
    sb.append("[summary](../report.md) · [all details](../index.html#").append(HtmlReport.anchor(o.id()))
        .append(")\n\n");
    sb.append("**").append(o.verdict()).append("**: ").append(o.summary()).append("\n\n");
    ctx.comparison(r).flatMap(c -> c.changeOf(o.id().toString())).ifPresent(c ->
        sb.append("Against the baseline: **").append(c.kind().label()).append("** (expected ")
            .append(c.expected() == null ? "nothing: not in the baseline" : c.expected().name()).append(").\n\n"));
    String location = info.location(o.id());
    if (!location.isEmpty()) {
      sb.append("*").append(info.paperTitle(o.id())).append("*, ").append(location).append(".\n\n");
    }
    String statement = info.statement(o.id());
    if (!statement.isEmpty()) {
      sb.append("> ").append(statement.replace("\n", "\n> ")).append("\n\n");
    }
    List<String> hyps = info.hypotheses(o.id());
    if (!hyps.isEmpty()) {
      sb.append("Hypotheses (every sampled instance meets them): `").append(String.join("`; `", hyps)).append("`\n\n");
    }
    String method = info.method(o.id());
    if (!method.isEmpty()) {
      sb.append("How it was checked: ").append(method).append("\n\n");
    }
    sb.append("Seed `").append(o.seed()).append("`, ")
        .append(String.format(Locale.ROOT, "%.2f", o.seconds())).append(" s. Replay: `")
        .append(ReportLinks.replayCommand(o, r.settings().seed(), r.settings().samples())).append("`\n\n");
    if (!o.evidence().isEmpty()) {
      sb.append("| measurement | value |\n|---|---|\n");
      o.evidence().forEach((k, v) -> sb.append("| ").append(MarkdownReport.cell(k)).append(" | ")
          .append(MarkdownReport.cell(MarkdownReport.format(v))).append(" |\n"));
      sb.append('\n');
    }
    if (!o.plots().isEmpty()) {
      // Markdown has no charts: name them, so a reader knows what index.html shows beside these numbers
      sb.append("Charts in `index.html`: ").append(String.join("; ", o.plots().stream().map(p -> MarkdownReport.cell(
          p.title())).toList())).append(".\n\n");
    }
    for (EvidenceTable t : o.tables()) {
      sb.append("**").append(t.title()).append("**\n\n| ")
          .append(String.join(" | ", t.columns().stream().map(MarkdownReport::cell).toList())).append(" |\n|");
      sb.append("---|".repeat(t.columns().size())).append('\n');
      for (List<Object> row : t.rows().subList(0, Math.min(MAX_ROWS, t.rows().size()))) {
        sb.append("| ");
        for (Object cellValue : row) {
          sb.append(MarkdownReport.cell(MarkdownReport.format(cellValue))).append(" | ");
        }
        sb.setLength(sb.length() - 1);
        sb.append('\n');
      }
      if (t.rows().size() > MAX_ROWS) {
        sb.append("\n(").append(t.rows().size() - MAX_ROWS).append(" more rows in report.json)\n");
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
        sb.append("Replay: `").append(ReportLinks.replayCommand(o, r.settings().seed(), r.settings().samples()))
            .append("`\n\n");
      } else if (o.counterexample().instance() != null && !o.counterexample().instance().isEmpty()) {
        sb.append("At: `").append(o.counterexample().instance()).append("`\n\n");
      }
    }
    return sb.toString();
  }
}
