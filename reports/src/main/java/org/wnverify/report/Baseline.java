package org.wnverify.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditReport;

/**
 * The expected verdicts of a paper's audit (wnverify-baseline.json): what a CI run compares
 * against, so that known findings do not fail the build but a new failure, or a known finding that
 * disappears, does. Written by {@code wnverify baseline} from a finished report.json.
 *
 * @param settings seed, samples, profile and selection of the run it was taken from
 * @param claims expected verdict and summary per claim id, sorted by id
 */
public record Baseline(Map<String, Object> settings, Map<String, Expected> claims) {
  public static final String FORMAT = "wnverify-baseline/1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The expected outcome of one claim; the summary is for the reader, only the verdict is compared. */
  public record Expected(Verdict verdict, String summary) {}

  public Baseline {
    settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    claims = Collections.unmodifiableMap(new TreeMap<>(claims));
  }

  /** The baseline of a finished run. */
  public static Baseline of(AuditReport r) {
    Map<String, Expected> claims = new TreeMap<>();
    for (ClaimOutcome o : r.outcomes()) {
      claims.put(o.id().toString(), new Expected(o.verdict(), o.summary()));
    }
    return new Baseline(settingsOf(r.settings().seed(), r.settings().samples(), r.settings().profile(),
        r.settings().command(), r.settings().selection()), claims);
  }

  static Map<String, Object> settingsOf(long seed, int samples, String profile, String command, List<String> selection) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("command", command);
    s.put("selection", selection);
    s.put("seed", seed);
    s.put("samples", samples);
    s.put("profile", profile);
    return s;
  }

  /** The baseline of a finished report.json; an unfinished or malformed report is an {@link IllegalArgumentException} naming the file and field. */
  public static Baseline fromReport(Path reportJson) {
    JsonNode root = readJson(reportJson, "report");
    if (!"wnverify-report/1".equals(root.path("schema").asText())) {
      throw new IllegalArgumentException(reportJson + ": not a wnverify report (field 'schema' is not wnverify-report/1)");
    }
    if (!"COMPLETE".equals(root.path("status").asText())) {
      throw new IllegalArgumentException(reportJson + ": the run is " + root.path("status").asText()
          + "; a baseline needs a finished run (field 'status')");
    }
    JsonNode s = root.path("settings");
    List<String> selection = new java.util.ArrayList<>();
    s.path("selection").forEach(n -> selection.add(n.asText()));
    Map<String, Expected> claims = new TreeMap<>();
    for (JsonNode c : root.path("claims")) {
      claims.put(text(c, "id", reportJson), new Expected(verdict(c, reportJson), c.path("summary").asText("")));
    }
    return new Baseline(settingsOf(s.path("seed").asLong(), s.path("samples").asInt(), s.path("profile").asText(),
        s.path("command").asText(), selection), claims);
  }

  /** Reads a baseline file, with errors naming the file and the field. */
  public static Baseline read(Path file) {
    JsonNode root = readJson(file, "baseline");
    if (!FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException(file + ": not a wnverify baseline (field 'format' must be " + FORMAT
          + "; write one with 'wnverify baseline')");
    }
    JsonNode claimsNode = root.path("claims");
    if (!claimsNode.isObject()) {
      throw new IllegalArgumentException(file + ": field 'claims' must be an object of claim id -> expected verdict");
    }
    Map<String, Expected> claims = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = claimsNode.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      try {
        org.wnverify.check.ClaimId.parse(e.getKey());
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(file + ": field 'claims': " + ex.getMessage());
      }
      claims.put(e.getKey(), new Expected(verdict(e.getValue(), file), e.getValue().path("summary").asText("")));
    }
    Map<String, Object> settings = JSON.convertValue(root.path("settings"),
        new com.fasterxml.jackson.core.type.TypeReference<LinkedHashMap<String, Object>>() {});
    return new Baseline(settings == null ? Map.of() : settings, claims);
  }

  public String render() {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("note", "Expected verdicts for 'wnverify audit --baseline FILE': the run fails only on a new failure or "
        + "a known finding that disappears. Regenerate with 'wnverify baseline' after a reviewed change.");
    root.put("settings", settings);
    Map<String, Object> claimsOut = new LinkedHashMap<>();
    claims.forEach((id, e) -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("verdict", e.verdict().name());
      m.put("summary", e.summary());
      claimsOut.put(id, m);
    });
    root.put("claims", claimsOut);
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How many expected verdicts are findings (VIOLATED or REFUTED). */
  public long findings() {
    return claims.values().stream().filter(e -> e.verdict().rejects()).count();
  }

  private static JsonNode readJson(Path file, String what) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(file + ": no such " + what + " file");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(file + ": not valid JSON (line " + e.getLocation().getLineNr() + ": "
          + e.getOriginalMessage() + ")");
    } catch (IOException e) {
      throw new IllegalArgumentException(file + ": cannot read (" + e.getMessage() + ")");
    }
  }

  private static String text(JsonNode n, String field, Path file) {
    if (!n.path(field).isTextual()) {
      throw new IllegalArgumentException(file + ": a claim lacks the text field '" + field + "'");
    }
    return n.path(field).asText();
  }

  private static Verdict verdict(JsonNode n, Path file) {
    String v = n.path("verdict").asText("");
    try {
      return Verdict.valueOf(v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(file + ": field 'verdict' is '" + v + "', not one of "
          + java.util.Arrays.toString(Verdict.values()));
    }
  }
}
