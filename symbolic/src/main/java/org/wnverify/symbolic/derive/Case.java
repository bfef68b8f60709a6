package org.wnverify.symbolic.derive;

import org.wnverify.symbolic.prove.IdentityProblem;

/** One dimension case of an identity: what the prover proves and what a reader is shown. */
record Case(IdentityProblem problem, Display display) {}
