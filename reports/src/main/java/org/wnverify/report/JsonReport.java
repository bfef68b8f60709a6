package org.wnverify.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Plot;
import org.wnverify.check.run.AuditReport;

/**
 * report.json: every claim with id, paper and location, kind, verdict, the numbers behind it,
 * seed and counterexample. Field order is fixed and outcomes are sorted by id, so two runs with
 * the same seed give the same file apart from the fields named in {@link #TIMING_FIELDS}.
 */
public final class JsonReport implements ReportFormat {
  /** Fields that legitimately differ between identical runs. */
  public static final List<String> TIMING_FIELDS = List.of("seconds", "threads");
  public static final String SCHEMA = "wnverify-report/1";

  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private final ClaimInfo info;

  public JsonReport(ClaimInfo info) {
    this.info = info;
  }

  @Override
  public String fileName() {
    return "report.json";
  }

  @Override
  public String render(AuditReport report) {
    try {
      return MAPPER.writeValueAsString(toTree(report)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report is not serialisable: " + e.getMessage(), e);
    }
  }

  Map<String, Object> toTree(AuditReport report) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("schema", SCHEMA);
    root.put("status", report.status().name());
    root.put("passed", report.passed());
    root.put("settings", report.settings());
    Map<String, Object> counts = new LinkedHashMap<>();
    report.counts().forEach((k, v) -> counts.put(k.name(), v));
    root.put("counts", counts);
    root.put("planned", report.planned());
    List<Map<String, Object>> claims = new ArrayList<>();
    for (ClaimOutcome o : report.outcomes()) {
      claims.add(claim(o));
    }
    root.put("claims", claims);
    return root;
  }

  private static Map<String, Object> plot(Plot p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("title", p.title());
    m.put("kind", p.kind().name());
    m.put("xLabel", p.xLabel());
    m.put("yLabel", p.yLabel());
    m.put("xScale", p.xScale().name());
    m.put("yScale", p.yScale().name());
    List<Map<String, Object>> series = new ArrayList<>();
    for (Plot.Series s : p.series()) {
      Map<String, Object> sm = new LinkedHashMap<>();
      sm.put("name", s.name());
      sm.put("role", s.role().name());
      sm.put("x", s.x());
      sm.put("y", s.y());
      if (!s.labels().isEmpty()) {
        sm.put("labels", s.labels());
      }
      series.add(sm);
    }
    m.put("series", series);
    return m;
  }

  private Map<String, Object> claim(ClaimOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", o.id().toString());
    m.put("paper", info.paperTitle(o.id()));
    m.put("location", info.location(o.id()));
    m.put("kind", info.kind(o.id()));
    m.put("statement", info.statement(o.id()));
    m.put("verdict", o.verdict().name());
    m.put("summary", o.summary());
    m.put("seed", o.seed());
    m.put("evidence", o.evidence());
    List<Map<String, Object>> tables = new ArrayList<>();
    for (EvidenceTable t : o.tables()) {
      Map<String, Object> tm = new LinkedHashMap<>();
      tm.put("title", t.title());
      tm.put("columns", t.columns());
      tm.put("rows", t.rows());
      tables.add(tm);
    }
    m.put("tables", tables);
    if (!o.plots().isEmpty()) {
      // left out when empty, so claims without charts read as they did before plots existed
      m.put("plots", o.plots().stream().map(JsonReport::plot).toList());
    }
    List<Map<String, Object>> controls = new ArrayList<>();
    for (NegativeControl c : o.negativeControls()) {
      Map<String, Object> cm = new LinkedHashMap<>();
      cm.put("mutation", c.mutation());
      cm.put("verdict", c.verdict().name());
      cm.put("rejected", c.rejected());
      cm.put("detail", c.detail());
      controls.add(cm);
    }
    m.put("negativeControls", controls);
    if (o.counterexample() != null) {
      Map<String, Object> ce = new LinkedHashMap<>();
      ce.put("description", o.counterexample().description());
      ce.put("savedTo", o.counterexample().savedTo());
      ce.put("instance", o.counterexample().instance());
      m.put("counterexample", ce);
    }
    m.put("seconds", Math.round(o.seconds() * 1000) / 1000.0);
    return m;
  }
}
