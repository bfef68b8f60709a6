package org.wnverify.symbolic.internal;

/** A unit of work run on the Symja thread with the engine's session. Internal. */
@FunctionalInterface
public interface SymjaWork<T> {
  T run(SymjaSession session);
}
