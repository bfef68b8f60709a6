/**
 * Symja adapters. Everything here runs on the Symja thread of a {@link
 * org.wnverify.symbolic.SymbolicEngine}; nothing here is API for other modules.
 */
package org.wnverify.symbolic.internal;
