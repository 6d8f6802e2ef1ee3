package dev.slipway.train;

import com.oracle.labs.mlrg.olcut.config.Config;
import com.oracle.labs.mlrg.olcut.provenance.ConfiguredObjectProvenance;
import com.oracle.labs.mlrg.olcut.provenance.impl.ConfiguredObjectProvenanceImpl;
import org.tribuo.math.Parameters;
import org.tribuo.math.StochasticGradientOptimiser;
import org.tribuo.math.la.DenseMatrix;
import org.tribuo.math.la.Tensor;

/**
 * Adds an L2 penalty on the weights (not the bias) to every update, then hands the update to an
 * inner Tribuo optimiser such as AdaGrad.
 *
 * <p>Why this exists: Tribuo 4.3.2's {@code AdaGradRDA} advertises an l2 penalty, but its matrix
 * form never advances the iteration counter that scales the penalty, so for linear models (whose
 * weights are a matrix) the penalty is silently zero. Tribuo's linear models put the bias in the
 * last column of the weight matrix; that column is left unpenalised, as scikit-learn does.
 *
 * <p>Per update the gradient gains {@code -penalty * W}; with {@code penalty = l2 / updatesPerEpoch}
 * an epoch adds {@code l2/2 * |W|^2} to the summed loss. Not thread-safe (one per training run).
 */
final class L2RegularisedOptimiser implements StochasticGradientOptimiser {

  @Config(mandatory = true, description = "Inner optimiser that scales the regularised gradient.")
  private StochasticGradientOptimiser optimiser;

  @Config(mandatory = true, description = "L2 penalty applied on each update.")
  private double penalty;

  private Parameters parameters;

  L2RegularisedOptimiser(StochasticGradientOptimiser optimiser, double penalty) {
    this.optimiser = optimiser;
    this.penalty = penalty;
  }

  /** For OLCUT's configuration system. */
  @SuppressWarnings("unused")
  private L2RegularisedOptimiser() {}

  @Override
  public void initialise(Parameters parameters) {
    this.parameters = parameters;
    optimiser.initialise(parameters);
  }

  @Override
  public Tensor[] step(Tensor[] updates, double weight) {
    if (penalty > 0) {
      Tensor[] current = parameters.get();
      for (int i = 0; i < updates.length; i++) {
        if (current[i] instanceof DenseMatrix weights) {
          DenseMatrix regularised = new DenseMatrix(weights);
          regularised.scaleInPlace(-penalty);
          int bias = regularised.getDimension2Size() - 1;
          for (int row = 0; row < regularised.getDimension1Size(); row++) {
            regularised.set(row, bias, 0.0);
          }
          regularised.intersectAndAddInPlace(updates[i]);
          updates[i] = regularised;
        }
      }
    }
    return optimiser.step(updates, weight);
  }

  @Override
  public void finalise() {
    optimiser.finalise();
  }

  @Override
  public void reset() {
    optimiser.reset();
    parameters = null;
  }

  @Override
  public L2RegularisedOptimiser copy() {
    return new L2RegularisedOptimiser(optimiser.copy(), penalty);
  }

  @Override
  public ConfiguredObjectProvenance getProvenance() {
    return new ConfiguredObjectProvenanceImpl(this, "StochasticGradientOptimiser");
  }

  @Override
  public String toString() {
    return "L2RegularisedOptimiser(optimiser=" + optimiser + ",penalty=" + penalty + ")";
  }
}
