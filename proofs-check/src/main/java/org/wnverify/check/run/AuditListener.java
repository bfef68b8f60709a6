package org.wnverify.check.run;

import org.wnverify.check.ClaimId;
import org.wnverify.check.ClaimOutcome;

/**
 * Observes an audit. Calls are serialised by the runner (never concurrent), claims may finish in
 * any order, and an exception thrown by a listener is reported on stderr and otherwise ignored,
 * so a broken reporter cannot change a verdict.
 */
public interface AuditListener {
  default void auditStarted(AuditReport initial) {}

  default void claimStarted(ClaimId id) {}

  /** {@code report} holds every outcome finished so far, this one included, sorted by id. */
  default void claimFinished(ClaimOutcome outcome, AuditReport report) {}

  default void auditFinished(AuditReport report) {}
}
