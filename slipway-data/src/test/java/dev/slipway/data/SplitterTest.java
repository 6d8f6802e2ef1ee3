package dev.slipway.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.slipway.core.InvalidInputException;
import dev.slipway.core.NumericColumn;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SplitterTest {

  static Table ids(int n) {
    double[] ids = new double[n];
    String[] labels = new String[n];
    for (int i = 0; i < n; i++) {
      ids[i] = i;
      labels[i] = i % 3 == 0 ? "a" : "b";
    }
    return new Table(List.of(new NumericColumn("id", ids), new StringColumn("label", labels)));
  }

  static double[] idsOf(Table t) {
    return ((NumericColumn) t.column("id")).values();
  }

  /**
   * Expected rows come from an independent Python re-implementation of java.util.Random's
   * specified LCG and nextInt(bound), with the documented Fisher–Yates loop: {@code
   * /usr/bin/python3 slipway-data/src/test/python/java_random_split.py} printed "plain10 [2, 4,
   * 6]" and "plain10 seed7 [0, 1, 9]". A change of algorithm breaks replay of recorded splits, so
   * this must fail then.
   */
  @Test
  void splitIsTheDocumentedShuffleOfJavaUtilRandom() {
    Split s42 = Splitter.split(ids(10), 0.3, 42, null);
    assertThat(idsOf(s42.eval())).containsExactly(2, 4, 6);
    assertThat(idsOf(s42.train())).containsExactly(0, 1, 3, 5, 7, 8, 9);
    Split s7 = Splitter.split(ids(10), 0.3, 7, null);
    assertThat(idsOf(s7.eval())).containsExactly(0, 1, 9);
  }

  @Test
  void sameSeedSameSplitOtherSeedOtherSplit() {
    Table t = ids(200);
    Split a = Splitter.split(t, 0.25, 123, "label");
    Split b = Splitter.split(t, 0.25, 123, "label");
    Split c = Splitter.split(t, 0.25, 124, "label");
    assertThat(a).isEqualTo(b);
    assertThat(idsOf(a.eval())).isNotEqualTo(idsOf(c.eval()));
  }

  @Test
  void splitsPartitionTheRowsInOriginalOrder() {
    Split s = Splitter.split(ids(101), 0.2, Splitter.DEFAULT_SEED, null);
    double[] train = idsOf(s.train());
    double[] eval = idsOf(s.eval());
    assertThat(eval).hasSize(20); // Math.round(0.2 * 101) = 20
    assertThat(train).isSorted();
    assertThat(eval).isSorted();
    double[] all = new double[101];
    System.arraycopy(train, 0, all, 0, train.length);
    System.arraycopy(eval, 0, all, train.length, eval.length);
    Arrays.sort(all);
    for (int i = 0; i < all.length; i++) {
      assertThat(all[i]).isEqualTo(i);
    }
  }

  @Test
  void stratifiedSplitRoundsEachStratum() {
    // 34 'a' rows (i % 3 == 0 for i < 100) and 66 'b' rows: round(0.3*34)=10, round(0.3*66)=20.
    Split s = Splitter.split(ids(100), 0.3, 1, "label");
    String[] evalLabels = ((StringColumn) s.eval().column("label")).values();
    assertThat(Arrays.stream(evalLabels).filter("a"::equals).count()).isEqualTo(10);
    assertThat(Arrays.stream(evalLabels).filter("b"::equals).count()).isEqualTo(20);
    assertThat(s.train().rowCount()).isEqualTo(70);
  }

  @Test
  void missingStratifyValuesFormTheirOwnStratum() {
    String[] labels = new String[20];
    Arrays.fill(labels, 0, 10, "x");
    double[] ids = new double[20];
    Arrays.setAll(ids, i -> i);
    Table t = new Table(List.of(new NumericColumn("id", ids), new StringColumn("label", labels)));
    Split s = Splitter.split(t, 0.5, 3, "label");
    String[] evalLabels = ((StringColumn) s.eval().column("label")).values();
    assertThat(Arrays.stream(evalLabels).filter(v -> v == null).count()).isEqualTo(5);
    assertThat(Arrays.stream(evalLabels).filter("x"::equals).count()).isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, 1, -0.1, 1.5, Double.NaN})
  void fractionMustBeStrictlyBetweenZeroAndOne(double fraction) {
    assertThatThrownBy(() -> Splitter.split(ids(10), fraction, 1, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("eval fraction must be strictly between 0 and 1, got " + fraction);
  }

  @Test
  void unknownStratifyColumnIsNamed() {
    assertThatThrownBy(() -> Splitter.split(ids(10), 0.2, 1, "nope"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("no column 'nope'");
  }

  @Test
  void emptyEvalSplitIsRejected() {
    assertThatThrownBy(() -> Splitter.split(ids(2), 0.1, 1, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageStartingWith("splitting 2 rows with eval fraction 0.1 leaves the eval split empty");
  }

  @Test
  void emptyTrainSplitIsRejected() {
    assertThatThrownBy(() -> Splitter.split(ids(2), 0.9, 1, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("leaves the train split empty");
  }

  @Test
  void emptyTableIsRejected() {
    assertThatThrownBy(() -> Splitter.split(ids(0), 0.5, 1, null))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("splitting 0 rows");
  }
}
