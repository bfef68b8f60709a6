package org.wnverify.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Counterexample;
import org.wnverify.check.EvidenceTable;
import org.wnverify.check.NegativeControl;
import org.wnverify.check.Plot;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditReport;
import org.wnverify.check.run.AuditSettings;
import org.wnverify.check.run.Shard;

/**
 * Reads a report.json written by {@link JsonReport} back into the report model, so that shard
 * reports can be merged and re-rendered by every format. Only the recorded facts are read; what
 * the writer derives (counts, passed, paper, location, kind, statement, a control's "rejected")
 * is derived again on rendering.
 *
 * <p>The reader is exact: numbers come back with the Java type the writer's JSON text implies
 * (int, long or double, each printed in shortest round-trip form), so rendering a report read back
 * gives the same report.json byte for byte. {@link #readExact} checks that, which is what lets
 * {@code wnverify merge} promise a report identical to the unsharded run's.
 */
public final class JsonReportReader {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String source;

  private JsonReportReader(String source) {
    this.source = source;
  }

  /**
   * Reads report.json and checks that rendering it again with {@code writer} reproduces the file,
   * i.e. that the file is a report this version writes and that nothing was lost in reading it.
   *
   * @throws ReportFileException naming the file and the first problem
   */
  public static AuditReport readExact(Path file, JsonReport writer) {
    String text = readText(file);
    AuditReport report = parse(text, file.toString());
    String again = writer.render(report);
    if (!again.equals(text)) {
      throw new ReportFileException(file + ": " + firstDifference(text, again));
    }
    return report;
  }

  /** Reads report.json into the model. */
  public static AuditReport read(Path file) {
    return parse(readText(file), file.toString());
  }

  /**
   * Parses report.json text; {@code source} names it in messages.
   *
   * @throws ReportFileException naming the source and the field
   */
  public static AuditReport parse(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new ReportFileException(source + ": not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    return new JsonReportReader(source).report(root);
  }

  private static String readText(Path file) {
    try {
      return Files.readString(file);
    } catch (NoSuchFileException e) {
      throw new ReportFileException(file + ": no such file", e);
    } catch (IOException e) {
      throw new ReportFileException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
  }

  private AuditReport report(JsonNode root) {
    if (root == null || !root.isObject()) {
      throw fail("", "expected a JSON object");
    }
    String schema = text(root, "schema", "schema");
    if (!JsonReport.SCHEMA.equals(schema)) {
      throw fail("schema", "'" + schema + "' is not " + JsonReport.SCHEMA + " (written by another version of wnverify?)");
    }
    AuditReport.Status status = enumValue(AuditReport.Status.class, text(root, "status", "status"), "status");
    AuditSettings settings = settings(field(root, "settings", "settings"));
    List<String> planned = new ArrayList<>();
    for (JsonNode n : array(root, "planned", "planned")) {
      planned.add(textValue(n, "planned[]"));
    }
    List<ClaimOutcome> outcomes = new ArrayList<>();
    int i = 0;
    for (JsonNode n : array(root, "claims", "claims")) {
      outcomes.add(outcome(n, "claims[" + i++ + "]"));
    }
    return new AuditReport(settings, planned, outcomes, status);
  }

  private AuditSettings settings(JsonNode s) {
    String w = "settings";
    List<String> selection = new ArrayList<>();
    for (JsonNode n : array(s, "selection", w + ".selection")) {
      selection.add(textValue(n, w + ".selection[]"));
    }
    Shard shard = null;
    JsonNode sh = s.get("shard");
    if (sh != null && !sh.isNull()) {
      try {
        shard = new Shard(intValue(sh, "index", w + ".shard.index"), intValue(sh, "count", w + ".shard.count"),
            intValue(sh, "selected", w + ".shard.selected"));
      } catch (IllegalArgumentException e) {
        throw fail(w + ".shard", e.getMessage());
      }
    }
    return new AuditSettings(text(s, "command", w + ".command"), selection, longValue(s, "seed", w + ".seed"),
        intValue(s, "samples", w + ".samples"), intValue(s, "threads", w + ".threads"),
        doubleValue(s, "claimBudgetSeconds", w + ".claimBudgetSeconds"), nullableText(s, "instanceFile", w + ".instanceFile"),
        text(s, "profile", w + ".profile"), text(s, "toolVersion", w + ".toolVersion"), shard);
  }

  private ClaimOutcome outcome(JsonNode c, String w) {
    ClaimId id;
    try {
      id = ClaimId.parse(text(c, "id", w + ".id"));
    } catch (IllegalArgumentException e) {
      throw fail(w + ".id", e.getMessage());
    }
    w = w + " (" + id + ")";
    Verdict verdict = enumValue(Verdict.class, text(c, "verdict", w + ".verdict"), w + ".verdict");
    Map<String, Object> evidence = new LinkedHashMap<>();
    JsonNode ev = field(c, "evidence", w + ".evidence");
    if (!ev.isObject()) {
      throw fail(w + ".evidence", "expected an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = ev.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      evidence.put(e.getKey(), value(e.getValue()));
    }
    List<EvidenceTable> tables = new ArrayList<>();
    int t = 0;
    for (JsonNode tn : array(c, "tables", w + ".tables")) {
      String tw = w + ".tables[" + t++ + "]";
      List<String> columns = new ArrayList<>();
      for (JsonNode n : array(tn, "columns", tw + ".columns")) {
        columns.add(textValue(n, tw + ".columns[]"));
      }
      List<List<Object>> rows = new ArrayList<>();
      for (JsonNode rn : array(tn, "rows", tw + ".rows")) {
        if (!rn.isArray()) {
          throw fail(tw + ".rows", "expected an array of rows");
        }
        List<Object> row = new ArrayList<>();
        rn.forEach(cell -> row.add(value(cell)));
        rows.add(row);
      }
      try {
        tables.add(new EvidenceTable(text(tn, "title", tw + ".title"), columns, rows));
      } catch (RuntimeException e) {
        throw fail(tw, e.getMessage());
      }
    }
    List<Plot> plots = new ArrayList<>();
    JsonNode pn = c.get("plots");
    if (pn != null) {
      int p = 0;
      for (JsonNode n : array(c, "plots", w + ".plots")) {
        plots.add(plot(n, w + ".plots[" + p++ + "]"));
      }
    }
    List<NegativeControl> controls = new ArrayList<>();
    int k = 0;
    for (JsonNode cn : array(c, "negativeControls", w + ".negativeControls")) {
      String cw = w + ".negativeControls[" + k++ + "]";
      controls.add(new NegativeControl(text(cn, "mutation", cw + ".mutation"),
          enumValue(Verdict.class, text(cn, "verdict", cw + ".verdict"), cw + ".verdict"), text(cn, "detail", cw + ".detail")));
    }
    Counterexample counterexample = null;
    JsonNode ce = c.get("counterexample");
    if (ce != null && !ce.isNull()) {
      Object instance = value(field(ce, "instance", w + ".counterexample.instance"));
      if (!(instance instanceof Map<?, ?>)) {
        throw fail(w + ".counterexample.instance", "expected an object");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> inst = (Map<String, Object>) instance;
      counterexample = new Counterexample(text(ce, "description", w + ".counterexample.description"), inst,
          nullableText(ce, "savedTo", w + ".counterexample.savedTo"));
    }
    return new ClaimOutcome(id, verdict, text(c, "summary", w + ".summary"), longValue(c, "seed", w + ".seed"), evidence,
        tables, controls, counterexample, doubleValue(c, "seconds", w + ".seconds"), plots);
  }

  private Plot plot(JsonNode p, String w) {
    List<Plot.Series> series = new ArrayList<>();
    int i = 0;
    for (JsonNode sn : array(p, "series", w + ".series")) {
      String sw = w + ".series[" + i++ + "]";
      List<String> labels = new ArrayList<>();
      if (sn.get("labels") != null) {
        for (JsonNode n : array(sn, "labels", sw + ".labels")) {
          labels.add(textValue(n, sw + ".labels[]"));
        }
      }
      try {
        series.add(new Plot.Series(text(sn, "name", sw + ".name"),
            enumValue(Plot.Role.class, text(sn, "role", sw + ".role"), sw + ".role"), doubles(sn, "x", sw + ".x"),
            doubles(sn, "y", sw + ".y"), labels));
      } catch (IllegalArgumentException e) {
        throw fail(sw, e.getMessage());
      }
    }
    return new Plot(text(p, "title", w + ".title"), enumValue(Plot.Kind.class, text(p, "kind", w + ".kind"), w + ".kind"),
        text(p, "xLabel", w + ".xLabel"), text(p, "yLabel", w + ".yLabel"),
        enumValue(Plot.Scale.class, text(p, "xScale", w + ".xScale"), w + ".xScale"),
        enumValue(Plot.Scale.class, text(p, "yScale", w + ".yScale"), w + ".yScale"), series);
  }

  private List<Double> doubles(JsonNode parent, String name, String where) {
    List<Double> out = new ArrayList<>();
    for (JsonNode n : array(parent, name, where)) {
      if (!n.isNumber()) {
        throw fail(where, "expected numbers, got " + n);
      }
      out.add(n.doubleValue());
    }
    return out;
  }

  /** A JSON value as the Java value the writer was given: Integer, Long, Double, String, Boolean, List, Map. */
  private static Object value(JsonNode n) {
    if (n.isNull()) {
      return null;
    }
    if (n.isInt()) {
      return n.intValue();
    }
    if (n.isLong()) {
      return n.longValue();
    }
    if (n.isBigInteger()) {
      return n.bigIntegerValue();
    }
    if (n.isNumber()) {
      return n.doubleValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(e -> l.add(value(e)));
      return l;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    n.fields().forEachRemaining(e -> m.put(e.getKey(), value(e.getValue())));
    return m;
  }

  private JsonNode field(JsonNode parent, String name, String where) {
    JsonNode n = parent.get(name);
    if (n == null) {
      throw fail(where, "missing");
    }
    return n;
  }

  private Iterable<JsonNode> array(JsonNode parent, String name, String where) {
    JsonNode n = field(parent, name, where);
    if (!n.isArray()) {
      throw fail(where, "expected an array");
    }
    return n;
  }

  private String text(JsonNode parent, String name, String where) {
    return textValue(field(parent, name, where), where);
  }

  private String nullableText(JsonNode parent, String name, String where) {
    JsonNode n = field(parent, name, where);
    return n.isNull() ? null : textValue(n, where);
  }

  private String textValue(JsonNode n, String where) {
    if (!n.isTextual()) {
      throw fail(where, "expected a string, got " + n.getNodeType());
    }
    return n.textValue();
  }

  private int intValue(JsonNode parent, String name, String where) {
    JsonNode n = field(parent, name, where);
    if (!n.isInt()) {
      throw fail(where, "expected an integer, got " + n);
    }
    return n.intValue();
  }

  private long longValue(JsonNode parent, String name, String where) {
    JsonNode n = field(parent, name, where);
    if (!n.isIntegralNumber() || !n.canConvertToLong()) {
      throw fail(where, "expected an integer, got " + n);
    }
    return n.longValue();
  }

  private double doubleValue(JsonNode parent, String name, String where) {
    JsonNode n = field(parent, name, where);
    if (!n.isNumber()) {
      throw fail(where, "expected a number, got " + n);
    }
    return n.doubleValue();
  }

  private <E extends Enum<E>> E enumValue(Class<E> type, String text, String where) {
    try {
      return Enum.valueOf(type, text);
    } catch (IllegalArgumentException e) {
      throw fail(where, "unknown value '" + text + "'");
    }
  }

  private ReportFileException fail(String where, String problem) {
    return new ReportFileException(source + (where.isEmpty() ? "" : ": field '" + where + "'") + ": " + problem);
  }

  /** Where two renderings first differ, as "line N: expected ..., read back ...". */
  private static String firstDifference(String file, String again) {
    String[] a = file.split("\n", -1);
    String[] b = again.split("\n", -1);
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : "(end of file)";
      String y = i < b.length ? b[i] : "(end of file)";
      if (!x.equals(y)) {
        return "not exactly a report this version of wnverify writes (edited, or from another version?): line " + (i + 1)
            + " reads '" + abbreviate(x.strip()) + "', which renders back as '" + abbreviate(y.strip()) + "'";
      }
    }
    return "differs from its own rendering";
  }

  private static String abbreviate(String s) {
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
