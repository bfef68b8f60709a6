package org.wnverify.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditReport;

/** junit.xml validates against Jenkins' junit-10.xsd (src/test/resources/junit, source noted there). */
class JunitReportTest {
  private final ClaimInfo info = new ClaimInfo(List.of());

  static void validate(String xml) throws Exception {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    var schema = f.newSchema(new StreamSource(JunitReportTest.class.getResourceAsStream("/junit/junit-10.xsd")));
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  private static Document parse(String xml) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new org.xml.sax.InputSource(new StringReader(xml)));
  }

  @Test
  void oneTestcasePerClaimFailuresCarryTheReasonAndTheSchemaAccepts() throws Exception {
    String xml = new JunitReport(ReportContext.of(info)).render(ReportFormatsTest.canonical());
    validate(xml);
    Document d = parse(xml);
    NodeList cases = d.getElementsByTagName("testcase");
    assertThat(cases.getLength()).isEqualTo(2);
    NodeList failures = d.getElementsByTagName("failure");
    assertThat(failures.getLength()).isEqualTo(1);
    Element f = (Element) failures.item(0);
    assertThat(((Element) f.getParentNode()).getAttribute("name")).isEqualTo("chou/theorem-2.2#rho-at-least-1");
    assertThat(f.getAttribute("type")).isEqualTo("VIOLATED");
    assertThat(f.getAttribute("message")).contains("rho = 0.31 < 1");
    assertThat(f.getTextContent()).contains("replay: ./wnverify check 'chou/theorem-2.2#rho-at-least-1' --instance");
    assertThat(d.getDocumentElement().getAttribute("failures")).isEqualTo("1");
  }

  @Test
  void withABaselineKnownFindingsPassAndChangesFail() throws Exception {
    AuditReport r = ReportFormatsTest.canonical();
    Baseline same = Baseline.of(r);
    String xml = new JunitReport(new ReportContext(info, same, "b.json")).render(r);
    validate(xml);
    assertThat(parse(xml).getElementsByTagName("failure").getLength()).isZero();
    assertThat(xml).contains("expected by the baseline b.json");

    // The baseline expected chou/lemma-3.8 to be VIOLATED (a finding) and lists a claim the catalogue lost.
    Baseline other = new Baseline(Map.of(), Map.of(
        "chou/lemma-3.8", new Baseline.Expected(Verdict.VIOLATED, "old finding"),
        "chou/theorem-2.2#rho-at-least-1", new Baseline.Expected(Verdict.VIOLATED, ""),
        "chou/lemma-3.99", new Baseline.Expected(Verdict.REFUTED, "")));
    String xml2 = new JunitReport(new ReportContext(info, other, "b.json")).render(r);
    validate(xml2);
    Document d = parse(xml2);
    assertThat(d.getElementsByTagName("failure").getLength()).isEqualTo(2);
    assertThat(xml2).contains("known finding gone: chou/lemma-3.8 VIOLATED -&gt; HOLDS", "chou/lemma-3.99");
  }

  @Test
  void controlCharactersAndQuotesAreEscaped() throws Exception {
    assertThat(JunitReport.attr("a\"b<c>&\u0001d\ne")).isEqualTo("a&quot;b&lt;c&gt;&amp;d&#10;e");
  }
}
