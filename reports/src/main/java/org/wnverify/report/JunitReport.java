package org.wnverify.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.run.AuditReport;

/**
 * junit.xml, in the JUnit XML dialect CI servers read (Jenkins' junit-10.xsd, which GitLab and
 * GitHub test-report actions accept too): one testsuite per paper, one testcase per claim. A
 * testcase fails when its claim fails the run: without a baseline, a VIOLATED, REFUTED or
 * INCONCLUSIVE verdict; with one, a change against it (a known finding is then a passing
 * testcase that says so). The failure message is the verdict's reason; the body adds the
 * counterexample and the replay command.
 */
public final class JunitReport implements ReportFormat {
  private final ReportContext ctx;

  public JunitReport(ReportContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public String fileName() {
    return "junit.xml";
  }

  /** One testcase before it is written. */
  private record Case(String paper, String name, double seconds, String failureType, String message, String body,
      String out, boolean skipped) {}

  @Override
  public String render(AuditReport r) {
    Optional<BaselineComparison> cmp = ctx.comparison(r);
    Map<String, List<Case>> suites = new LinkedHashMap<>();
    for (String paper : List.of("chou", "wu", "ewn")) {
      suites.put(paper, new ArrayList<>());
    }
    for (ClaimOutcome o : r.outcomes()) {
      suites.computeIfAbsent(o.id().paper(), p -> new ArrayList<>()).add(testcase(o, r, cmp));
    }
    for (String id : r.planned()) {
      if (r.outcomes().stream().noneMatch(o -> o.id().toString().equals(id))) {
        String paper = id.substring(0, id.indexOf('/'));
        suites.computeIfAbsent(paper, p -> new ArrayList<>()).add(new Case(paper, id, 0, null, null, null, null, true));
      }
    }
    cmp.ifPresent(c -> c.changes().stream().filter(ch -> ch.actual() == null).forEach(ch -> {
      String paper = ch.id().substring(0, ch.id().indexOf('/'));
      suites.computeIfAbsent(paper, p -> new ArrayList<>()).add(new Case(paper, ch.id(), 0,
          ch.kind().failing() ? "BASELINE" : null, ch.describe(), ch.describe(), null, false));
    }));
    suites.values().removeIf(List::isEmpty);

    int tests = 0;
    int failures = 0;
    double time = 0;
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, List<Case>> e : suites.entrySet()) {
      List<Case> cases = e.getValue();
      int f = (int) cases.stream().filter(c -> c.failureType() != null).count();
      int skipped = (int) cases.stream().filter(Case::skipped).count();
      double t = cases.stream().mapToDouble(Case::seconds).sum();
      tests += cases.size();
      failures += f;
      time += t;
      body.append("  <testsuite name=\"").append(attr("wnverify." + e.getKey())).append("\" tests=\"")
          .append(cases.size()).append("\" failures=\"").append(f).append("\" errors=\"0\" skipped=\"").append(skipped)
          .append("\" time=\"").append(seconds(t)).append("\">\n");
      body.append("    <properties>\n");
      property(body, "paper", ctx.info().paperTitle(new org.wnverify.check.ClaimId(e.getKey(), "x", null)));
      property(body, "seed", String.valueOf(r.settings().seed()));
      property(body, "samples", String.valueOf(r.settings().samples()));
      property(body, "profile", r.settings().profile());
      property(body, "status", r.status().name());
      property(body, "rerun", MarkdownReport.rerunCommand(r));
      cmp.ifPresent(c -> property(body, "baseline", c.baselineName()));
      property(body, "wnverify", r.settings().toolVersion());
      body.append("    </properties>\n");
      for (Case c : cases) {
        body.append("    <testcase classname=\"").append(attr("wnverify." + c.paper())).append("\" name=\"")
            .append(attr(c.name())).append("\" time=\"").append(seconds(c.seconds())).append('"');
        if (c.failureType() == null && !c.skipped() && c.out() == null) {
          body.append("/>\n");
          continue;
        }
        body.append(">\n");
        if (c.skipped()) {
          body.append("      <skipped message=\"not finished yet\"/>\n");
        }
        if (c.failureType() != null) {
          body.append("      <failure type=\"").append(attr(c.failureType())).append("\" message=\"")
              .append(attr(c.message())).append("\">").append(text(c.body())).append("</failure>\n");
        }
        if (c.out() != null) {
          body.append("      <system-out>").append(text(c.out())).append("</system-out>\n");
        }
        body.append("    </testcase>\n");
      }
      body.append("  </testsuite>\n");
    }
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"wnverify\" tests=\"" + tests
        + "\" failures=\"" + failures + "\" errors=\"0\" time=\"" + seconds(time) + "\">\n" + body + "</testsuites>\n";
  }

  private Case testcase(ClaimOutcome o, AuditReport r, Optional<BaselineComparison> cmp) {
    String replay = ReportLinks.replayCommand(o, r.settings().seed(), r.settings().samples());
    StringBuilder detail = new StringBuilder();
    detail.append(o.verdict()).append(": ").append(o.summary()).append('\n');
    String location = ctx.info().location(o.id());
    if (!location.isEmpty()) {
      detail.append(location).append(": ").append(ctx.info().statement(o.id())).append('\n');
    }
    if (o.counterexample() != null) {
      detail.append("counterexample: ").append(o.counterexample().description()).append('\n');
    }
    detail.append("seed ").append(o.seed()).append("; replay: ").append(replay).append('\n');
    detail.append("details: ").append(ReportLinks.claimFile(o.id())).append('\n');
    String message = o.verdict() + ": " + o.summary();
    if (cmp.isPresent()) {
      Optional<BaselineComparison.Change> ch = cmp.get().changeOf(o.id().toString());
      if (ch.isPresent() && ch.get().kind().failing()) {
        return new Case(o.id().paper(), o.id().toString(), o.seconds(), "BASELINE", ch.get().describe(),
            ch.get().describe() + "\n" + detail, null, false);
      }
      String note = o.verdict().isFailing() ? "expected by the baseline " + cmp.get().baselineName() + ": " : "";
      return new Case(o.id().paper(), o.id().toString(), o.seconds(), null, null, null, note + detail, false);
    }
    if (o.verdict().isFailing()) {
      return new Case(o.id().paper(), o.id().toString(), o.seconds(), o.verdict().name(), message, detail.toString(),
          null, false);
    }
    return new Case(o.id().paper(), o.id().toString(), o.seconds(), null, null, null, detail.toString(), false);
  }

  private static void property(StringBuilder sb, String name, String value) {
    sb.append("      <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value)).append("\"/>\n");
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.3f", Math.max(0, s));
  }

  /** XML text: escaped, and characters XML 1.0 cannot carry (control characters) dropped. */
  static String text(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length());
    s.codePoints().forEach(cp -> {
      switch (cp) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        default -> {
          if (cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD)
              || cp >= 0x10000 && cp <= 0x10FFFF) {
            b.appendCodePoint(cp);
          }
        }
      }
    });
    return b.toString();
  }

  static String attr(String s) {
    return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\t", "&#9;").replace("\r", "&#13;");
  }
}
