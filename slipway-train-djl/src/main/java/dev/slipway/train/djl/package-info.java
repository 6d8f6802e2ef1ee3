/**
 * The optional {@code mlp} trainer: a multilayer perceptron on DJL's PyTorch engine (CPU). It is a
 * plugin rather than a built-in trainer because PyTorch's natives weigh 111 MB (432 MB unpacked
 * into {@code ~/.djl.ai} on first use); {@code ./slipway} loads it from {@code target/plugin}
 * once the module is built. Calls into PyTorch are serialised by {@link
 * dev.slipway.train.djl.Torch}.
 */
package dev.slipway.train.djl;
