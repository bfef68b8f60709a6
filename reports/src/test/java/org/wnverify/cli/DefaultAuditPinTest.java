package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wnverify.check.CheckContext;
import org.wnverify.check.Claim;
import org.wnverify.check.ClaimId;
import org.wnverify.check.Verdict;
import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.check.instance.InstanceFiles;
import org.wnverify.check.instance.InstanceStore;
import org.wnverify.numeric.problem.ProblemInstance;

/**
 * Pins the default audit: every claim that existed at commit c514128 must come out of today's
 * default audit (seed 1, 6 samples, QUICK) with the same verdict, summary, evidence, tables,
 * controls and counterexample, number for number. The claim model may change underneath (problem
 * families, engines); what a researcher reads in report.json may not.
 *
 * <p>What is allowed to differ, and nothing else: timings ({@code seconds}, also in the
 * experiments' evidence), the directory a
 * counterexample was saved to (each run has its own --out), the instance-file format tags
 * ({@code format}, {@code problem}) inside a counterexample, which name the schema version, and
 * the {@code plots} a claim publishes for index.html (drawn from its run, not part of its verdict).
 */
class DefaultAuditPinTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GOLDEN = "/golden/default-audit-c514128.json.gz";

  @TempDir
  Path dir;

  @Test
  void everyPinnedClaimKeepsItsVerdictAndNumbers() throws Exception {
    Map<String, JsonNode> pinned = byId(readGolden().get("claims"));
    Path out = dir.resolve("audit");
    int status = WnVerify.execute("audit", "-q", "--out", out.toString(),
        "--only", String.join(",", pinned.keySet()));
    assertThat(status).as("exit status of the audit").isIn(ExitCodes.PASSED, ExitCodes.FAILED);
    Map<String, JsonNode> now = byId(JSON.readTree(out.resolve("report.json").toFile()).get("claims"));

    List<String> differences = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : pinned.entrySet()) {
      JsonNode fresh = now.get(e.getKey());
      if (fresh == null) {
        differences.add(e.getKey() + ": missing from today's audit");
        continue;
      }
      String where = firstDifference(e.getKey(), normalised(e.getValue()), normalised(fresh));
      if (where != null) {
        differences.add(where);
      }
    }
    assertThat(differences).as("claims whose outcome changed against the pinned audit").isEmpty();
    everySavedCounterexampleReplays(out.resolve("counterexamples"), now);
  }

  /**
   * Every counterexample the audit saved is a real one: it meets the printed hypotheses of its
   * claim, and checking the claim on it (as {@code --instance} does) fails the statement again.
   * A sampler or shrinker that leaves the hypothesis region would make this fail (issue 21).
   */
  private static void everySavedCounterexampleReplays(Path dir, Map<String, JsonNode> claims) throws Exception {
    ClaimCatalogue catalogue = ClaimCatalogue.standard();
    List<String> checked = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : claims.entrySet()) {
      JsonNode ce = e.getValue().get("counterexample");
      if (ce == null || ce.get("savedTo") == null || ce.get("savedTo").isNull()) {
        continue;
      }
      Claim claim = catalogue.get(ClaimId.parse(e.getKey()));
      ProblemInstance instance = InstanceFiles.read(dir.resolve(Path.of(ce.get("savedTo").asText()).getFileName()));
      assertThat(claim.unmetHypothesis(instance)).as(e.getKey() + ": its saved counterexample meets its hypotheses")
          .isEmpty();
      CheckContext replay = new CheckContext(1, 6, instance, InstanceStore.none(), Long.MAX_VALUE, CheckContext.Profile.QUICK);
      assertThat(claim.check(replay).verdict()).as(e.getKey() + ": replaying its saved counterexample")
          .isEqualTo(Verdict.valueOf(e.getValue().get("verdict").asText()));
      checked.add(e.getKey());
    }
    assertThat(checked).as("claims whose counterexample was replayed").hasSizeGreaterThanOrEqualTo(9);
  }

  private static JsonNode readGolden() throws Exception {
    try (InputStream in = DefaultAuditPinTest.class.getResourceAsStream(GOLDEN)) {
      assertThat(in).as(GOLDEN).isNotNull();
      return JSON.readTree(new GZIPInputStream(in));
    }
  }

  private static Map<String, JsonNode> byId(JsonNode claims) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    for (JsonNode c : claims) {
      m.put(c.get("id").asText(), c);
    }
    return m;
  }

  /** The claim as the golden file stores it (see the class comment for what is dropped). */
  static JsonNode normalised(JsonNode claim) {
    ObjectNode c = claim.deepCopy();
    c.remove("seconds");
    c.remove("plots"); // charts for the reader, added after the pin (issue 17); verdicts are not read from them
    if (c.get("evidence") instanceof ObjectNode evidence) {
      evidence.remove("seconds"); // the experiments' wall time
    }
    JsonNode ce = c.get("counterexample");
    if (ce instanceof ObjectNode o) {
      JsonNode saved = o.get("savedTo");
      if (saved != null && !saved.isNull()) {
        o.put("savedTo", Path.of(saved.asText()).getFileName().toString());
      }
      if (o.get("instance") instanceof ObjectNode inst) {
        inst.remove("format");
        inst.remove("problem");
      }
    }
    return c;
  }

  /** The path of the first difference, with both values, or null if equal. */
  static String firstDifference(String path, JsonNode expected, JsonNode actual) {
    if (expected.equals(actual)) {
      return null;
    }
    if (expected.isObject() && actual.isObject()) {
      for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        JsonNode a = actual.get(f);
        if (a == null) {
          return path + "." + f + ": missing (expected " + abbreviate(expected.get(f)) + ")";
        }
        String d = firstDifference(path + "." + f, expected.get(f), a);
        if (d != null) {
          return d;
        }
      }
      for (Iterator<String> it = actual.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!expected.has(f)) {
          return path + "." + f + ": not in the pinned audit (" + abbreviate(actual.get(f)) + ")";
        }
      }
    }
    if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
      for (int k = 0; k < expected.size(); k++) {
        String d = firstDifference(path + "[" + k + "]", expected.get(k), actual.get(k));
        if (d != null) {
          return d;
        }
      }
    }
    return path + ": expected " + abbreviate(expected) + ", got " + abbreviate(actual);
  }

  private static String abbreviate(JsonNode n) {
    String s = n.toString();
    return s.length() > 300 ? s.substring(0, 297) + "..." : s;
  }
}
