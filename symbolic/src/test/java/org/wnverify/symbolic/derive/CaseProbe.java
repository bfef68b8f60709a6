package org.wnverify.symbolic.derive;

import java.util.ArrayList;
import java.util.List;
import org.wnverify.symbolic.SymbolicEngine;
import org.wnverify.symbolic.prove.IdentityProof;
import org.wnverify.symbolic.prove.IdentityProver;

/**
 * Manual probe (not a test): times every case and control of the named catalogue entries (or
 * "all") one by one on a fresh engine without a proof cache, to see which cases a plan can afford.
 * Times are per case (wall and process CPU, the latter less sensitive to other jobs on the
 * machine), in the order the audit runs them; the first includes Symja's warm-up.
 */
public final class CaseProbe {
  public static void main(String[] args) {
    SymbolicEngine e = SymbolicEngine.create();
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long start = System.nanoTime();
    List<String> ids = new ArrayList<>();
    for (SymbolicIdentities.Entry entry : SymbolicIdentities.catalogue()) {
      if (List.of(args).contains(entry.id()) || List.of(args).contains("all")) {
        ids.add(entry.id());
      }
    }
    IdentityProver prover = new IdentityProver(e, SymbolicIdentities.SEED, 12, SymbolicIdentities.SMALL_CASE_BUDGET);
    for (String id : ids) {
      Plan plan = SymbolicIdentities.plan(id);
      double total = 0;
      double totalCpu = 0;
      System.out.println(id);
      List<Object[]> all = new ArrayList<>();
      plan.small.forEach(c -> all.add(new Object[] {"small", c}));
      plan.large.forEach(c -> all.add(new Object[] {"large", c}));
      plan.controls.forEach(c -> all.add(new Object[] {"ctrl ", c.c()}));
      for (Object[] kc : all) {
        Case c = (Case) kc[1];
        long t = System.nanoTime();
        long cpu = os.getProcessCpuTime();
        IdentityProof p = prover.prove(c.problem());
        double s = (System.nanoTime() - t) / 1e9;
        total += s;
        totalCpu += (os.getProcessCpuTime() - cpu) / 1e9;
        System.out.printf("  %s %6.2fs %6.2fs cpu %-10s %s%n", kc[0], s, (os.getProcessCpuTime() - cpu) / 1e9, p.verdict(),
            c.problem().name());
      }
      System.out.printf("  total %.1fs (cpu %.1fs)%n", total, totalCpu);
    }
    System.out.printf("total %.1fs%n", (System.nanoTime() - start) / 1e9);
    e.close();
    System.exit(0);
  }
}
