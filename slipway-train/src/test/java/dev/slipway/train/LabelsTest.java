package dev.slipway.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

class LabelsTest {

  @Test
  void classesAreSortedDistinctValues() {
    Labels y = Labels.classification(new StringColumn("class", new String[] {"good", "bad", "good"}));
    assertThat(y.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(y.classes()).containsExactly("bad", "good");
    assertThat(y.classIndex()).containsExactly(1, 0, 1);
  }

  @Test
  void numericLabelsUseTheirText() {
    Labels y = Labels.classification(new NumericColumn("y", new double[] {1, 0, 1}));
    assertThat(y.classes()).containsExactly("0", "1");
    assertThat(y.classIndex()).containsExactly(1, 0, 1);
  }

  @Test
  void singleClassLabelIsRejected() {
    assertThatThrownBy(
            () -> Labels.classification(new StringColumn("class", new String[] {"good", "good"})))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("label column 'class' has 1 class(es) [good]; classification needs at least 2");
  }

  @Test
  void missingLabelNamesTheRow() {
    assertThatThrownBy(
            () -> Labels.classification(new StringColumn("class", new String[] {"a", "b", null})))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("missing at row 2");
    assertThatThrownBy(
            () -> Labels.regression(new NumericColumn("price", new double[] {1, Double.NaN})))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'price' is missing at row 1");
  }

  @Test
  void labelOutsideGivenClassesNamesRowAndValue() {
    assertThatThrownBy(
            () ->
                Labels.classification(
                    new StringColumn("class", new String[] {"a", "c"}), List.of("a", "b")))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("'c' at row 1");
  }

  @Test
  void regressionNeedsNumbers() {
    assertThatThrownBy(() -> Labels.regression(new StringColumn("price", new String[] {"1"})))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("holds text");
  }
}
