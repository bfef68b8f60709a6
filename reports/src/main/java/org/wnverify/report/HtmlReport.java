package org.wnverify.report;

import java.util.List;
import java.util.Locale;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.run.AuditReport;

/**
 * report.html: one self-contained page (inline CSS and SVG, no scripts, no network) with the
 * verdict table and, per claim, the evidence, its tables drawn as charts, and the controls.
 */
public final class HtmlReport implements ReportFormat {
  private static final String CSS = "body{font:14px/1.45 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}"
      + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}"
      + "th{background:#f4f4f4}.v{font-weight:bold;white-space:nowrap}.PROVED,.HOLDS,.CONFIRMED_AT_POINTS{color:#176d1b}"
      + ".VIOLATED,.REFUTED{color:#b00020}.INCONCLUSIVE{color:#a15c00}blockquote{border-left:3px solid #ccc;margin:.5em 0;"
      + "padding-left:1em;color:#444;white-space:pre-wrap}code{background:#f6f6f6;padding:0 3px}section{border-top:1px solid #ddd;margin-top:1.5em}";
  private final ClaimInfo info;

  public HtmlReport(ClaimInfo info) {
    this.info = info;
  }

  @Override
  public String fileName() {
    return "report.html";
  }

  @Override
  public String render(AuditReport r) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<title>wnverify audit</title><style>" + CSS + "</style></head><body>");
    sb.append("<h1>wnverify audit</h1><p>");
    sb.append(escape(r.status() + (r.status() == AuditReport.Status.COMPLETE ? (r.passed() ? ": passed" : ": failed") : "")))
        .append(". ").append(r.outcomes().size()).append(" of ").append(r.planned().size()).append(" claims; seed ")
        .append(r.settings().seed()).append(", ").append(r.settings().samples()).append(" samples, profile ")
        .append(escape(r.settings().profile())).append(".</p>");
    sb.append("<table><tr><th>claim</th><th>verdict</th><th>kind</th><th>summary</th></tr>");
    for (ClaimOutcome o : r.outcomes()) {
      sb.append("<tr><td><a href=\"#").append(anchor(o)).append("\"><code>").append(escape(o.id().toString()))
          .append("</code></a></td><td class=\"v ").append(o.verdict()).append("\">").append(o.verdict())
          .append("</td><td>").append(escape(info.kind(o.id()))).append("</td><td>").append(escape(MarkdownReport.brief(o.summary())))
          .append("</td></tr>");
    }
    sb.append("</table>");
    for (ClaimOutcome o : r.outcomes()) {
      section(sb, o);
    }
    return sb.append("</body></html>\n").toString();
  }

  private void section(StringBuilder sb, ClaimOutcome o) {
    sb.append("<section id=\"").append(anchor(o)).append("\"><h2><code>").append(escape(o.id().toString()))
        .append("</code> <span class=\"v ").append(o.verdict()).append("\">").append(o.verdict()).append("</span></h2>");
    sb.append("<p>").append(escape(o.summary())).append("</p>");
    if (!info.location(o.id()).isEmpty()) {
      sb.append("<p><i>").append(escape(info.paperTitle(o.id()))).append("</i>, ").append(escape(info.location(o.id())))
          .append("</p><blockquote>").append(escape(info.statement(o.id()))).append("</blockquote>");
    }
    sb.append("<p>Seed <code>").append(o.seed()).append("</code>, ")
        .append(String.format(Locale.ROOT, "%.2f", o.seconds())).append(" s.</p>");
    if (!o.evidence().isEmpty()) {
      sb.append("<table><tr><th>measurement</th><th>value</th></tr>");
      o.evidence().forEach((k, v) -> sb.append("<tr><td>").append(escape(k)).append("</td><td>")
          .append(escape(MarkdownReport.format(v))).append("</td></tr>"));
      sb.append("</table>");
    }
    for (EvidenceTable t : o.tables()) {
      sb.append("<h3>").append(escape(t.title())).append("</h3>");
      String svg = SvgPlot.render(t);
      if (svg != null) {
        sb.append(svg);
      }
      sb.append("<table><tr>");
      t.columns().forEach(c -> sb.append("<th>").append(escape(c)).append("</th>"));
      sb.append("</tr>");
      for (List<Object> row : t.rows()) {
        sb.append("<tr>");
        row.forEach(c -> sb.append("<td>").append(escape(MarkdownReport.format(c))).append("</td>"));
        sb.append("</tr>");
      }
      sb.append("</table>");
    }
    if (!o.negativeControls().isEmpty()) {
      sb.append("<h3>Negative controls</h3><ul>");
      for (NegativeControl c : o.negativeControls()) {
        sb.append("<li><span class=\"v ").append(c.verdict()).append("\">").append(c.rejected() ? "rejected" : "NOT rejected")
            .append("</span> (").append(c.verdict()).append("): ").append(escape(c.mutation())).append(" — ")
            .append(escape(c.detail())).append("</li>");
      }
      sb.append("</ul>");
    }
    if (o.counterexample() != null) {
      sb.append("<h3>Counterexample</h3><p>").append(escape(o.counterexample().description())).append("</p>");
      if (o.counterexample().savedTo() != null) {
        sb.append("<p>Replay: <code>./wnverify check ").append(escape(o.id().parent().toString())).append(" --instance ")
            .append(escape(o.counterexample().savedTo())).append("</code></p>");
      }
    }
    sb.append("</section>");
  }

  private static String anchor(ClaimOutcome o) {
    return o.id().toString().replaceAll("[^A-Za-z0-9\\-]", "_");
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
