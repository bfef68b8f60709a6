package org.wnverify.numeric.network;

/**
 * A trainable node: its incoming weight vector is w[offset .. offset + fanIn) of the weight vector.
 *
 * @param index the node's number in the paper's figures (hidden nodes first, then the output)
 * @param layer the layer it sits in (0 = first hidden layer)
 * @param position its position within the layer
 */
public record Node(int index, int layer, int position, int offset, int fanIn) {}
