package org.wnverify.check.problem;

/**
 * One instance a claim is checked on, with a label saying where it came from (the corner of the
 * hypothesis region it was drawn from, or "supplied" for {@code --instance}).
 */
public record Sample<I>(I instance, String label) {}
