package org.wnverify.cli;

import java.util.List;
import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;
import org.wnverify.check.run.AuditListener;
import org.wnverify.check.run.AuditReport;

/** Fans every event out to several listeners, in order. */
final class Listeners implements AuditListener {
  private final List<AuditListener> all;

  Listeners(AuditListener... listeners) {
    this.all = List.of(listeners);
  }

  @Override
  public void auditStarted(AuditReport initial) {
    all.forEach(l -> l.auditStarted(initial));
  }

  @Override
  public void claimStarted(ClaimId id) {
    all.forEach(l -> l.claimStarted(id));
  }

  @Override
  public void claimFinished(ClaimOutcome outcome, AuditReport report) {
    all.forEach(l -> l.claimFinished(outcome, report));
  }

  @Override
  public void auditFinished(AuditReport report) {
    all.forEach(l -> l.auditFinished(report));
  }
}
