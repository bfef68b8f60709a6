package org.wnverify.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimKind;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Plot;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditReport;

/**
 * index.html: one self-contained page (inline CSS, SVG and a few lines of script; nothing is
 * fetched, so it opens offline from an artifact or an e-mail). A summary by paper and kind, the
 * baseline changes, the Findings (each failed printed statement with its minimal counterexample,
 * the replay command and the corrected variant), then per claim: the statement as printed, how it
 * was checked, the numbers, charts of the evidence tables, the negative controls and the
 * counterexample. The script only checks that every chart drew something (a browser test reads
 * the result) and filters the claim list; the page reads fully without it.
 */
public final class HtmlReport implements ReportFormat {
  private static final String CSS = "body{font:14px/1.45 system-ui,sans-serif;max-width:1180px;margin:1.5em auto;padding:0 1em;color:#222}"
      + "table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top}"
      + "th{background:#f4f4f4}.v{font-weight:bold;white-space:nowrap}.PROVED,.HOLDS,.CONFIRMED_AT_POINTS{color:#176d1b}"
      + ".VIOLATED,.REFUTED{color:#b00020}.INCONCLUSIVE{color:#a15c00}blockquote{border-left:3px solid #ccc;margin:.5em 0;"
      + "padding-left:1em;color:#444;white-space:pre-wrap}code,pre{background:#f6f6f6;padding:0 3px}pre{padding:6px;overflow:auto}"
      + "section.claim,article.finding{border-top:1px solid #ddd;margin-top:1.2em}figure{margin:.5em 0}"
      + "figcaption{font-size:12px;color:#555}nav a{margin-right:1em}.muted{color:#666}.chip{display:inline-block;"
      + "border:1px solid #ccc;border-radius:8px;padding:0 6px;margin:1px 2px;font-size:12px}"
      + "body.failing-only section.claim:not(.failing){display:none}td.num{text-align:right}"
      + ".shard-marker{background:#fff4d6;border:1px solid #e0b040;padding:6px 10px}";

  /**
   * Checks, after load, that every chart drew at least one visible mark; the result goes to the
   * body's data attributes and, for a chart that did not, to console.error, which a browser test
   * fails on. Also wires the "failing claims only" filter.
   */
  private static final String SCRIPT = "(function(){var bad=0,ok=0;"
      + "document.querySelectorAll('svg.plot').forEach(function(s,i){var drawn=false;"
      + "s.querySelectorAll('[data-mark]').forEach(function(m){var b=m.getBBox();if(b.width>0||b.height>0)drawn=true;});"
      + "s.setAttribute('data-rendered',drawn?'yes':'no');if(drawn){ok++;}else{bad++;"
      + "console.error('chart did not render: '+(s.getAttribute('aria-label')||i));}});"
      + "document.body.setAttribute('data-charts-ok',ok);document.body.setAttribute('data-charts-bad',bad);"
      + "var f=document.getElementById('failing-only');if(f){f.addEventListener('change',function(){"
      + "document.body.classList.toggle('failing-only',f.checked);});}})();";

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  /** Rows of an evidence table shown in the page; all of them are in report.json. */
  static final int MAX_ROWS = 300;
  /** Items of a list-valued measurement shown before the rest is folded away. */
  private static final int FOLD_ITEMS = 8;

  private final ReportContext ctx;

  public HtmlReport(ReportContext ctx) {
    this.ctx = ctx;
  }

  public HtmlReport(ClaimInfo info) {
    this(ReportContext.of(info));
  }

  @Override
  public String fileName() {
    return "index.html";
  }

  @Override
  public String render(AuditReport r) {
    StringBuilder sb = new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>wnverify audit</title><style>" + CSS + "</style></head><body>\n");
    sb.append("<h1>wnverify audit</h1>\n");
    ShardMarker.of(r).ifPresent(m -> sb.append("<p class=\"shard-marker\" id=\"shard-marker\"><b>")
        .append(escape(m.headline())).append("</b> ").append(escape(m.detail())).append("</p>\n"));
    sb.append("<p><b>").append(escape(MarkdownReport.statusLine(r).replace("**", "")))
        .append("</b></p>\n<p class=\"muted\">Seed ").append(r.settings().seed()).append(", ")
        .append(r.settings().samples()).append(" samples per sampled claim, profile ").append(escape(r.settings().profile()))
        .append(", wnverify ").append(escape(r.settings().toolVersion())).append(". Rerun: <code>")
        .append(escape(MarkdownReport.rerunCommand(r))).append("</code></p>\n");
    sb.append("<nav><a href=\"#summary\">Summary</a>");
    Optional<BaselineComparison> cmp = ctx.comparison(r);
    if (cmp.isPresent()) {
      sb.append("<a href=\"#baseline\">Baseline</a>");
    }
    sb.append("<a href=\"#findings\">Findings</a><a href=\"#claims\">Claims</a></nav>\n");
    summary(sb, r);
    cmp.ifPresent(c -> baseline(sb, c));
    findings(sb, r);
    claims(sb, r, cmp);
    sb.append("<script>").append(SCRIPT).append("</script>\n</body></html>\n");
    return sb.toString();
  }

  private void summary(StringBuilder sb, AuditReport r) {
    sb.append("<h2 id=\"summary\">Summary by paper and kind</h2>\n<table><tr><th>paper</th><th>claims</th>");
    List<ClaimKind> kinds = new ArrayList<>();
    for (ClaimKind k : ClaimKind.values()) {
      if (r.outcomes().stream().anyMatch(o -> ctx.info().kind(o.id()).equals(k.label()))) {
        kinds.add(k);
      }
    }
    for (ClaimKind k : kinds) {
      sb.append("<th>").append(k.label()).append("</th>");
    }
    sb.append("</tr>\n");
    Map<String, List<ClaimOutcome>> byPaper = byPaper(r);
    for (Map.Entry<String, List<ClaimOutcome>> e : byPaper.entrySet()) {
      sb.append("<tr><td>").append(escape(ClaimInfo.paperShort(e.getKey()))).append(" (<code>").append(e.getKey())
          .append("</code>)</td><td>").append(chips(e.getValue())).append("</td>");
      for (ClaimKind k : kinds) {
        sb.append("<td>").append(chips(e.getValue().stream().filter(o -> ctx.info().kind(o.id()).equals(k.label()))
            .toList())).append("</td>");
      }
      sb.append("</tr>\n");
    }
    sb.append("</table>\n");
    long unfinished = r.planned().size() - r.outcomes().size();
    if (unfinished > 0) {
      sb.append("<p>").append(unfinished).append(" claim(s) not finished yet.</p>\n");
    }
  }

  /** Verdict counts as coloured chips, e.g. "3 PROVED 1 REFUTED". */
  private static String chips(List<ClaimOutcome> os) {
    Map<Verdict, Integer> c = new EnumMap<>(Verdict.class);
    os.forEach(o -> c.merge(o.verdict(), 1, Integer::sum));
    StringBuilder sb = new StringBuilder();
    c.forEach((v, n) -> sb.append("<span class=\"chip v ").append(v).append("\">").append(n).append(' ').append(v)
        .append("</span>"));
    return sb.toString();
  }

  private Map<String, List<ClaimOutcome>> byPaper(AuditReport r) {
    Map<String, List<ClaimOutcome>> m = new TreeMap<>(java.util.Comparator.comparingInt(HtmlReport::paperOrder)
        .thenComparing(p -> p));
    r.outcomes().forEach(o -> m.computeIfAbsent(o.id().paper(), p -> new ArrayList<>()).add(o));
    return m;
  }

  private static int paperOrder(String p) {
    int i = List.of("chou", "wu", "ewn").indexOf(p);
    return i < 0 ? 99 : i;
  }

  private static void baseline(StringBuilder sb, BaselineComparison c) {
    sb.append("<h2 id=\"baseline\">Against the baseline <code>").append(escape(c.baselineName())).append("</code></h2>\n");
    if (c.changes().isEmpty()) {
      sb.append("<p>No change (").append(c.baseline().claims().size()).append(" claims expected, ")
          .append(c.baseline().findings()).append(" of them known findings).</p>\n");
    } else {
      sb.append("<table><tr><th>change</th><th>claim</th><th>expected</th><th>now</th><th>summary</th></tr>\n");
      for (BaselineComparison.Change ch : c.changes()) {
        sb.append("<tr><td class=\"v ").append(ch.kind().failing() ? "VIOLATED" : "").append("\">")
            .append(ch.kind().label()).append("</td><td>").append(claimLink(ch.id())).append("</td><td>")
            .append(ch.expected() == null ? "(new claim)" : ch.expected().name()).append("</td><td>")
            .append(ch.actual() == null ? "(gone)" : ch.actual().name()).append("</td><td>")
            .append(escape(ch.summary())).append("</td></tr>\n");
      }
      sb.append("</table>\n");
    }
    for (String w : c.warnings()) {
      sb.append("<p class=\"muted\">Note: ").append(escape(w)).append(".</p>\n");
    }
  }

  private void findings(StringBuilder sb, AuditReport r) {
    List<Findings.Finding> fs = Findings.statements(r, ctx.info());
    sb.append("<h2 id=\"findings\">Findings: printed statements that fail (").append(fs.size()).append(")</h2>\n");
    if (fs.isEmpty()) {
      sb.append("<p>None in this run.</p>\n");
    }
    findingArticles(sb, r, fs, false);
    List<Findings.Finding> steps = Findings.proofSteps(r, ctx.info());
    if (!steps.isEmpty()) {
      sb.append("<h2 id=\"proof-step-findings\">Proof-step findings: displayed steps of the proofs that fail (")
          .append(steps.size()).append(")</h2>\n");
      findingArticles(sb, r, steps, true);
    }
  }

  private void findingArticles(StringBuilder sb, AuditReport r, List<Findings.Finding> fs, boolean proofSteps) {
    for (Findings.Finding f : fs) {
      ClaimOutcome o = f.printed();
      sb.append("<article class=\"finding\"><h3>").append(claimLink(o.id().toString())).append(" <span class=\"v ")
          .append(o.verdict()).append("\">").append(o.verdict()).append("</span></h3>\n");
      locationAndStatement(sb, o.id());
      sb.append("<p><b>What fails.</b> ").append(escape(o.summary())).append("</p>\n");
      counterexample(sb, o, r);
      sb.append("<p><b>Corrected variant.</b> ");
      if (f.corrected().isPresent()) {
        ClaimOutcome c = f.corrected().get();
        sb.append(claimLink(c.id().toString())).append(" <span class=\"v ").append(c.verdict()).append("\">")
            .append(c.verdict()).append("</span>: ").append(escape(MarkdownReport.brief(c.summary()))).append("</p>\n");
        String st = ctx.info().statement(c.id());
        if (!st.isEmpty()) {
          sb.append("<blockquote>").append(escape(st)).append("</blockquote>\n");
        }
      } else if (ctx.info().has(ReportLinks.correctedVariantOf(o.id()))) {
        sb.append("<code>").append(escape(ReportLinks.correctedVariantOf(o.id()).toString()))
            .append("</code>, not checked in this run.</p>\n");
      } else {
        sb.append("none in the catalogue.</p>\n");
      }
      if (proofSteps) {
        List<ClaimOutcome> st = Findings.statementChecks(o, r, ctx.info());
        sb.append("<p><b>The statement in this run.</b> ");
        if (st.isEmpty()) {
          sb.append("not checked in this run.");
        } else {
          for (ClaimOutcome c : st) {
            sb.append(claimLink(c.id().toString())).append(" <span class=\"v ").append(c.verdict()).append("\">")
                .append(c.verdict()).append("</span> ");
          }
          if (st.stream().noneMatch(c -> c.verdict().rejects())) {
            sb.append("(the wrong step does not make it fail)");
          }
        }
        sb.append("</p>\n");
      }
      sb.append("</article>\n");
    }
  }

  private void claims(StringBuilder sb, AuditReport r, Optional<BaselineComparison> cmp) {
    sb.append("<h2 id=\"claims\">Claims</h2>\n<p><label><input type=\"checkbox\" id=\"failing-only\"> failing claims only"
        + "</label></p>\n");
    for (Map.Entry<String, List<ClaimOutcome>> e : byPaper(r).entrySet()) {
      sb.append("<h2>").append(escape(ctx.info().paperTitle(new ClaimId(e.getKey(), "x", null)))).append("</h2>\n");
      sb.append("<table><tr><th>claim</th><th>verdict</th><th>kind</th><th>summary</th></tr>\n");
      for (ClaimOutcome o : e.getValue()) {
        sb.append("<tr><td>").append(claimLink(o.id().toString())).append("</td><td class=\"v ").append(o.verdict())
            .append("\">").append(o.verdict()).append("</td><td>").append(escape(ctx.info().kind(o.id())))
            .append("</td><td>").append(escape(MarkdownReport.brief(o.summary()))).append("</td></tr>\n");
      }
      sb.append("</table>\n");
      for (ClaimOutcome o : e.getValue()) {
        section(sb, o, r, cmp);
      }
    }
  }

  private void section(StringBuilder sb, ClaimOutcome o, AuditReport r, Optional<BaselineComparison> cmp) {
    sb.append("<section class=\"claim").append(o.verdict().isFailing() ? " failing" : "").append("\" id=\"")
        .append(anchor(o.id())).append("\"><h3><code>").append(escape(o.id().toString()))
        .append("</code> <span class=\"v ").append(o.verdict()).append("\">").append(o.verdict()).append("</span> ")
        .append("<span class=\"muted\">").append(escape(ctx.info().kind(o.id()))).append("</span></h3>\n");
    sb.append("<p>").append(escape(o.summary())).append("</p>\n");
    cmp.flatMap(c -> c.changeOf(o.id().toString())).ifPresent(ch -> sb.append("<p class=\"v ")
        .append(ch.kind().failing() ? "VIOLATED" : "").append("\">Against the baseline: ").append(escape(ch.describe()))
        .append("</p>\n"));
    locationAndStatement(sb, o.id());
    List<String> hyps = ctx.info().hypotheses(o.id());
    if (!hyps.isEmpty()) {
      sb.append("<p><b>Hypotheses</b> (every sampled instance meets them): ");
      for (int i = 0; i < hyps.size(); i++) {
        sb.append(i > 0 ? "; " : "").append("<code>").append(escape(hyps.get(i))).append("</code>");
      }
      sb.append("</p>\n");
    }
    String method = ctx.info().method(o.id());
    if (!method.isEmpty()) {
      sb.append("<p><b>How it was checked.</b> ").append(escape(method)).append("</p>\n");
    }
    sb.append("<p>Seed <code>").append(o.seed()).append("</code>, ")
        .append(String.format(Locale.ROOT, "%.2f", o.seconds())).append(" s. Replay: <code>")
        .append(escape(ReportLinks.replayCommand(o, r.settings().seed(), r.settings().samples()))).append("</code></p>\n");
    if (!o.evidence().isEmpty()) {
      sb.append("<table><tr><th>measurement</th><th>value</th></tr>\n");
      o.evidence().forEach((k, v) -> sb.append("<tr><td>").append(escape(k)).append("</td><td>").append(value(v))
          .append("</td></tr>\n"));
      sb.append("</table>\n");
    }
    for (Plot p : o.plots()) {
      String svg = PlotChart.render(p);
      if (svg != null) {
        sb.append("<figure class=\"chart claim-plot\">").append(svg).append("<figcaption>").append(escape(p.title()))
            .append("</figcaption></figure>\n");
      }
    }
    for (EvidenceTable t : o.tables()) {
      sb.append("<h4>").append(escape(t.title())).append("</h4>\n");
      List<String> charts = SvgPlot.charts(t);
      for (String svg : charts) {
        sb.append("<figure class=\"chart\">").append(svg).append("<figcaption>").append(escape(t.title()))
            .append("</figcaption></figure>\n");
      }
      sb.append(charts.isEmpty() ? "" : "<details><summary>the numbers (" + t.rows().size() + " rows)</summary>");
      table(sb, t);
      sb.append(charts.isEmpty() ? "" : "</details>").append('\n');
    }
    if (!o.negativeControls().isEmpty()) {
      sb.append("<h4>Negative controls</h4><ul>\n");
      for (NegativeControl c : o.negativeControls()) {
        sb.append("<li><span class=\"v ").append(c.rejected() ? "PROVED" : c.verdict()).append("\">")
            .append(c.rejected() ? "rejected" : "NOT rejected").append("</span> (").append(c.verdict()).append("): ")
            .append(escape(c.mutation())).append(" — ").append(escape(c.detail())).append("</li>\n");
      }
      sb.append("</ul>\n");
    }
    if (o.counterexample() != null) {
      sb.append("<h4>Counterexample</h4>\n");
      counterexample(sb, o, r);
    }
    sb.append("</section>\n");
  }

  private void locationAndStatement(StringBuilder sb, ClaimId id) {
    if (!ctx.info().location(id).isEmpty()) {
      sb.append("<p><i>").append(escape(ctx.info().paperTitle(id))).append("</i>, ").append(escape(ctx.info().location(id)))
          .append("</p>\n<blockquote>").append(escape(ctx.info().statement(id))).append("</blockquote>\n");
    }
  }

  private static void counterexample(StringBuilder sb, ClaimOutcome o, AuditReport r) {
    if (o.counterexample() == null) {
      return;
    }
    sb.append("<p><b>Minimal counterexample.</b> ").append(escape(o.counterexample().description())).append("</p>\n");
    if (o.counterexample().instance() != null && !o.counterexample().instance().isEmpty()) {
      try {
        sb.append("<pre>").append(escape(JSON.writeValueAsString(o.counterexample().instance()))).append("</pre>\n");
      } catch (JsonProcessingException e) {
        sb.append("<pre>").append(escape(String.valueOf(o.counterexample().instance()))).append("</pre>\n");
      }
    }
    sb.append("<p>Replay: <code>").append(escape(ReportLinks.replayCommand(o, r.settings().seed(), r.settings().samples())))
        .append("</code></p>\n");
  }

  private static void table(StringBuilder sb, EvidenceTable t) {
    sb.append("<table><tr>");
    t.columns().forEach(c -> sb.append("<th>").append(escape(c)).append("</th>"));
    sb.append("</tr>\n");
    for (List<Object> row : t.rows().subList(0, Math.min(MAX_ROWS, t.rows().size()))) {
      sb.append("<tr>");
      row.forEach(c -> sb.append(c instanceof Number ? "<td class=\"num\">" : "<td>")
          .append(escape(MarkdownReport.format(c))).append("</td>"));
      sb.append("</tr>\n");
    }
    sb.append("</table>");
    if (t.rows().size() > MAX_ROWS) {
      sb.append("<p class=\"muted\">").append(t.rows().size() - MAX_ROWS).append(" more rows in report.json.</p>");
    }
  }

  /** A measurement: lists as bullet lists (long ones folded), everything else formatted. */
  private static String value(Object v) {
    if (v instanceof List<?> l && !l.isEmpty() && !(l.get(0) instanceof Number)) {
      StringBuilder sb = new StringBuilder("<ul>");
      for (int i = 0; i < l.size(); i++) {
        if (i == FOLD_ITEMS) {
          sb.append("</ul><details><summary>").append(l.size() - FOLD_ITEMS).append(" more</summary><ul>");
        }
        sb.append("<li>").append(escape(MarkdownReport.format(l.get(i)))).append("</li>");
      }
      sb.append("</ul>");
      if (l.size() > FOLD_ITEMS) {
        sb.append("</details>");
      }
      return sb.toString();
    }
    return escape(MarkdownReport.format(v));
  }

  private static String claimLink(String id) {
    return "<a href=\"#" + anchor(ClaimId.parse(id)) + "\"><code>" + escape(id) + "</code></a>";
  }

  static String anchor(ClaimId id) {
    return id.toString().replaceAll("[^A-Za-z0-9\\-]", "_");
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
