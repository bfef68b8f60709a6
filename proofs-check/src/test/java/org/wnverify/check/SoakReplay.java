package org.wnverify.check;

import org.wnverify.check.catalogue.ClaimCatalogue;
import org.wnverify.check.instance.InstanceStore;

/** One claim checked as a soak checks it: a seed, a sample count, the QUICK profile, no budget. */
final class SoakReplay {
  private SoakReplay() {}

  static ClaimOutcome check(String id, long seed, int samples) {
    Claim claim = ClaimCatalogue.standard().get(ClaimId.parse(id));
    return claim.check(new CheckContext(seed, samples, null, InstanceStore.none(), Long.MAX_VALUE,
        CheckContext.Profile.QUICK));
  }
}
