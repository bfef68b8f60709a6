package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI workflow end to end on two fast claims (one a known finding): audit, baseline, audit
 * --baseline passes; a changed expectation fails and says which claim; a bad baseline file is a
 * usage error that writes nothing. The run's directory holds every report file.
 */
class BaselineCommandTest {
  private static final String[] CLAIMS = {"chou/theorem-2.2#rho-at-least-1", "chou/lemma-3.2"};
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream oldOut;
  private PrintStream oldErr;

  @TempDir
  Path dir;

  @BeforeEach
  void capture() {
    oldOut = System.out;
    oldErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(oldOut);
    System.setErr(oldErr);
  }

  private int check(Path outDir, String... extra) {
    java.util.List<String> a = new java.util.ArrayList<>(java.util.List.of("check"));
    a.addAll(java.util.List.of(CLAIMS));
    a.addAll(java.util.List.of("--seed", "3", "--samples", "2", "-q", "--out", outDir.toString()));
    a.addAll(java.util.List.of(extra));
    return WnVerify.execute(a.toArray(String[]::new));
  }

  @Test
  void knownFindingsPassAChangeFailsAndIsNamed() throws Exception {
    Path first = dir.resolve("first");
    assertThat(check(first)).isEqualTo(1); // rho >= 1 is a finding
    for (String f : new String[] {"report.md", "index.html", "report.json", "junit.xml",
        "claims/chou_theorem-2.2_rho-at-least-1.md", "claims/chou_lemma-3.2.md"}) {
      assertThat(first.resolve(f)).exists();
    }
    SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    sf.newSchema(new StreamSource(getClass().getResourceAsStream("/junit/junit-10.xsd"))).newValidator()
        .validate(new StreamSource(new StringReader(Files.readString(first.resolve("junit.xml")))));

    Path baseline = dir.resolve("wnverify-baseline.json");
    assertThat(WnVerify.execute("baseline", "--report", first.resolve("report.json").toString(), "--out",
        baseline.toString())).isZero();
    assertThat(Files.readString(baseline)).contains("wnverify-baseline/1", "\"chou/theorem-2.2#rho-at-least-1\"");

    out.reset();
    assertThat(check(dir.resolve("second"), "--baseline", baseline.toString())).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("no failing change");
    assertThat(Files.readString(dir.resolve("second/report.md"))).contains("## Against the baseline", "No change");
    assertThat(Files.readString(dir.resolve("second/junit.xml"))).doesNotContain("<failure");

    // The baseline now claims Lemma 3.2 was a finding: its HOLDS is a finding that disappeared.
    Files.writeString(baseline, Files.readString(baseline).replaceFirst(
        "(\"chou/lemma-3.2\" : \\{\\s*\"verdict\" : \")[A-Z_]+", "$1VIOLATED"));
    out.reset();
    assertThat(check(dir.resolve("third"), "--baseline", baseline.toString())).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 failing change",
        "known finding gone: chou/lemma-3.2 VIOLATED -> ");
    assertThat(Files.readString(dir.resolve("third/junit.xml"))).contains("<failure type=\"BASELINE\"");
  }

  @Test
  void aBadBaselineIsAUsageErrorBeforeAnythingRuns() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"format\": \"wnverify-baseline/1\", \"claims\": []}");
    assertThat(check(dir.resolve("never"), "--baseline", bad.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad.json", "'claims'").doesNotContain("\tat ");
    assertThat(dir.resolve("never")).doesNotExist();
    assertThat(WnVerify.execute("baseline", "--report", dir.resolve("missing.json").toString())).isEqualTo(2);
  }
}
