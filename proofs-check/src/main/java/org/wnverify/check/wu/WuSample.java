package org.wnverify.check.wu;

import org.wnverify.numeric.wu.WuInstance;

/** One instance a Wu claim checks, with the label reports use ("corner: example-2d", "draw 3"). */
record WuSample(WuInstance instance, String label) {}
