package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * index.html as a person sees it: rendered by headless Chromium from a real run of five claims of
 * different kinds (an invariant's refinement table, a bound's slack, a figure's curves, a numeric
 * and a symbolic finding). Fails on any console message (the page logs only when a chart drew
 * nothing, or on a script error) and on a chart that did not render, read from the DOM after the
 * page's script ran; takes a screenshot. The same harness must reject a page with an empty chart
 * and a script error, or it proves nothing.
 *
 * <p>Skipped where /usr/bin/chromium (or $WNVERIFY_CHROMIUM) is missing, unless the system
 * property wnverify.browser=required, which .ci/run sets after installing Debian's chromium.
 */
@Tag("browser")
class IndexHtmlBrowserTest {
  private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
      "--enable-logging=stderr", "--v=0");
  private static Path chromium;

  @TempDir
  Path dir;

  @BeforeAll
  static void findChromium() {
    String env = System.getenv("WNVERIFY_CHROMIUM");
    Path p = Path.of(env != null && !env.isBlank() ? env : "/usr/bin/chromium");
    boolean required = "required".equals(System.getProperty("wnverify.browser"));
    if (!Files.isExecutable(p)) {
      assertThat(required).as("chromium is required (wnverify.browser=required) but " + p + " is missing").isFalse();
      Assumptions.abort("no chromium at " + p + "; .ci/run installs it");
    }
    chromium = p;
  }

  /** What the browser showed: the DOM after scripts, its console lines, and the screenshot. */
  record Rendered(String dom, List<String> console, Path screenshot) {}

  private Rendered render(Path page, String name) throws Exception {
    Path domFile = dir.resolve(name + ".dom.html");
    Path log = dir.resolve(name + ".log");
    run(page, domFile, log, "--virtual-time-budget=5000", "--dump-dom");
    Path shot = dir.resolve(name + ".png");
    Path log2 = dir.resolve(name + ".shot.log");
    run(page, null, log2, "--window-size=1280,2400", "--screenshot=" + shot);
    List<String> console = new ArrayList<>();
    for (Path l : List.of(log, log2)) {
      Files.readAllLines(l).stream().filter(s -> s.contains(":CONSOLE")).forEach(console::add);
    }
    return new Rendered(Files.readString(domFile), console, shot);
  }

  private void run(Path page, Path stdout, Path stderr, String... extra) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(chromium.toString()));
    cmd.addAll(FLAGS);
    cmd.add("--user-data-dir=" + Files.createTempDirectory(dir, "profile"));
    cmd.addAll(List.of(extra));
    cmd.add(page.toUri().toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(stderr.toFile());
    pb.redirectOutput(stdout == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stdout.toFile()));
    Process p = pb.start();
    if (!p.waitFor(60, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish within 60 s: " + cmd);
    }
  }

  /** Problems a reader would see: console messages, charts that drew nothing, a page whose check did not run. */
  static List<String> problems(Rendered r, int charts) {
    List<String> out = new ArrayList<>(r.console());
    Matcher ok = Pattern.compile("data-charts-ok=\"(\\d+)\"").matcher(r.dom());
    Matcher bad = Pattern.compile("data-charts-bad=\"(\\d+)\"").matcher(r.dom());
    if (!ok.find() || !bad.find()) {
      out.add("the page's chart check did not run");
    } else {
      if (!bad.group(1).equals("0")) {
        out.add(bad.group(1) + " chart(s) did not render");
      }
      if (Integer.parseInt(ok.group(1)) != charts) {
        out.add(ok.group(1) + " of " + charts + " charts rendered");
      }
    }
    if (r.dom().contains("data-rendered=\"no\"")) {
      out.add("a chart is marked data-rendered=no");
    }
    return out;
  }

  private static int count(String s, String what) {
    int n = 0;
    for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
      n++;
    }
    return n;
  }

  private static boolean isPng(Path p) throws Exception {
    byte[] b = Files.readAllBytes(p);
    return b.length > 10_000 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
  }

  @Test
  void indexHtmlRendersItsChartsWithoutConsoleErrors() throws Exception {
    Path out = dir.resolve("report");
    PrintStream oldOut = System.out;
    System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    int status;
    try {
      status = WnVerify.execute("check", "chou/lemma-3.2", "chou/theorem-2.2#rho-at-least-1", "chou/theorem-2.1#error-bound",
          "chou/figure-1", "wu/gradients", "--samples", "2", "-q", "--out", out.toString());
    } finally {
      System.setOut(oldOut);
    }
    assertThat(status).isEqualTo(1); // findings
    Path page = out.resolve("index.html");
    String html = Files.readString(page);
    int charts = count(html, "<svg class=\"plot\"");
    assertThat(charts).as("charts in the page").isGreaterThanOrEqualTo(4);
    assertThat(html).contains("id=\"findings\"", "Minimal counterexample", "Summary by paper and kind");

    Rendered r = render(page, "index");
    assertThat(problems(r, charts)).isEmpty();
    assertThat(r.dom()).contains("Findings: printed statements that fail (3)");
    assertThat(isPng(r.screenshot())).as("screenshot " + r.screenshot()).isTrue();
  }

  @Test
  void theHarnessRejectsAnEmptyChartAndAScriptError() throws Exception {
    Path page = dir.resolve("broken.html");
    // the page's own chart check, over one chart with no marks, then a script error
    Files.writeString(page, "<!DOCTYPE html><html><body><h1>broken</h1>"
        + "<svg class=\"plot\" width=\"100\" height=\"50\"><rect x=\"0\" y=\"0\" width=\"100\" height=\"50\"/></svg>"
        + "<script>" + indexScript() + "</script><script>undefinedFunction();</script></body></html>");
    Rendered r = render(page, "broken");
    List<String> p = problems(r, 1);
    assertThat(p).anySatisfy(s -> assertThat(s).contains("chart did not render"));
    assertThat(p).anySatisfy(s -> assertThat(s).contains("undefinedFunction"));
    assertThat(p).anySatisfy(s -> assertThat(s).contains("1 chart(s) did not render"));
  }

  /** The script of a real index.html (rendered from an empty report), so the control runs the same check. */
  private static String indexScript() {
    String html = new org.wnverify.report.HtmlReport(new org.wnverify.report.ClaimInfo(List.of())).render(
        new org.wnverify.check.run.AuditReport(new org.wnverify.check.run.AuditSettings("check", List.of(), 1, 1, 1, 1,
            null, "QUICK", "t"), List.of(), List.of(), org.wnverify.check.run.AuditReport.Status.COMPLETE));
    int a = html.lastIndexOf("<script>") + "<script>".length();
    return html.substring(a, html.indexOf("</script>", a));
  }
}
