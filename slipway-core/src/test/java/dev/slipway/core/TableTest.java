package dev.slipway.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {
  private final Table table =
      new Table(
          List.of(
              new NumericColumn("age", new double[] {30, Double.NaN, 41.5}),
              new StringColumn("job", new String[] {"a", "b", null})));

  @Test
  void takesRowsInTheGivenOrder() {
    Table t = table.take(new int[] {2, 0});
    assertThat(((NumericColumn) t.column("age")).values()).containsExactly(41.5, 30.0);
    assertThat(t.column("job").text(0)).isNull();
    assertThat(t.column("age").text(1)).isEqualTo("30");
  }

  @Test
  void unknownColumnNamesTheColumnsThatExist() {
    assertThatThrownBy(() -> table.column("salary"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("no column 'salary'; the columns are age, job");
  }

  @Test
  void rejectsDuplicateNames() {
    assertThatThrownBy(
            () ->
                new Table(
                    List.of(
                        new StringColumn("x", new String[] {"a"}),
                        new StringColumn("x", new String[] {"b"}))))
        .hasMessage("duplicate column name 'x'");
  }

  @Test
  void integralDetectionIgnoresMissing() {
    assertThat(new NumericColumn("n", new double[] {1, Double.NaN, 3}).isIntegral()).isTrue();
    assertThat(new NumericColumn("n", new double[] {1, 2.5}).isIntegral()).isFalse();
  }
}
