package org.wnverify.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.Verdict;
import org.wnverify.check.run.AuditReport;
import org.wnverify.check.run.AuditSettings;

/** The progress line on a terminal, driven by a fake clock; silence when not on a terminal. */
class ConsoleProgressTest {
  private static final AuditSettings S = new AuditSettings("audit", List.of(), 1, 6, 2, 300, null, "QUICK", "t");
  private static final List<String> PLANNED = List.of("chou/lemma-3.2", "chou/lemma-3.6", "chou/lemma-3.8", "wu/gradients");

  private static ClaimOutcome outcome(String id, Verdict v) {
    return ClaimOutcome.builder(ClaimId.parse(id), 1).verdict(v, "because").build();
  }

  private static String drive(ConsoleProgress.Mode mode, AtomicLong clock, ByteArrayOutputStream bytes) {
    ConsoleProgress p = new ConsoleProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), mode, clock::get);
    p.auditStarted(new AuditReport(S, PLANNED, List.of(), AuditReport.Status.RUNNING));
    p.claimStarted(ClaimId.parse("chou/lemma-3.2"));
    p.claimStarted(ClaimId.parse("chou/lemma-3.6"));
    clock.addAndGet(10_000_000_000L);
    ClaimOutcome a = outcome("chou/lemma-3.2", Verdict.HOLDS);
    p.claimFinished(a, new AuditReport(S, PLANNED, List.of(a), AuditReport.Status.RUNNING));
    String line = p.statusLine();
    clock.addAndGet(10_000_000_000L);
    ClaimOutcome b = outcome("chou/lemma-3.6", Verdict.VIOLATED);
    p.claimFinished(b, new AuditReport(S, PLANNED, List.of(a, b), AuditReport.Status.RUNNING));
    p.auditFinished(new AuditReport(S, PLANNED, List.of(a, b), AuditReport.Status.INTERRUPTED));
    return line;
  }

  @Test
  void onATerminalOneLineShowsClaimsSamplesAndTimeLeft() {
    AtomicLong clock = new AtomicLong();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    String line = drive(ConsoleProgress.Mode.LIVE, clock, bytes);
    assertThat(line).isEqualTo("[1/4 claims] 6 samples each, 10s elapsed, ~30s left; running: chou/lemma-3.6");
    String shown = bytes.toString(StandardCharsets.UTF_8);
    assertThat(shown).contains("\r\033[K[0/4 claims] 6 samples each, 0s elapsed, estimating time left",
        "[2/4 claims] 6 samples each, 20s elapsed, ~20s left", "x chou/lemma-3.6");
    assertThat(shown).endsWith("\r\033[K"); // the line is cleared at the end
  }

  @Test
  void inCiOrAPipeNothingIsPrinted() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    drive(ConsoleProgress.Mode.QUIET, new AtomicLong(), bytes);
    assertThat(bytes.size()).isZero();
  }

  @Test
  void durationsReadAsMinutesAndHours() {
    assertThat(ConsoleProgress.duration(59_400_000_000L)).isEqualTo("59s");
    assertThat(ConsoleProgress.duration(65_000_000_000L)).isEqualTo("1m05s");
    assertThat(ConsoleProgress.duration(3_725_000_000_000L)).isEqualTo("1h02m");
  }
}
