package dev.slipway.data.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.slipway.core.NumericColumn;
import dev.slipway.core.Statistics;
import dev.slipway.core.StringColumn;
import dev.slipway.core.Table;
import dev.slipway.data.StatisticsCalculator;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatisticsHtmlTest {
  @Test
  void valuesAreEscapedAndThePageNeedsNothingFromOutside() {
    Table t = new Table(List.of(
        new NumericColumn("x", new double[] {1, 2, 2, 3, Double.NaN}),
        new StringColumn("note", new String[] {"<script>alert(1)</script>", "a&b", "a&b", null, "\"q\""})));
    Statistics stats = StatisticsCalculator.compute(t);
    String page = StatisticsHtml.render("data<1>.csv", stats);
    assertThat(page).contains("Statistics of data&lt;1&gt;.csv", "&lt;script&gt;alert(1)&lt;/script&gt;", "a&amp;b")
        .doesNotContain("<script", "http://", "https://", "<link", "<img");
    // x: 4 present and 1 missing of 5 rows = 20.0%; note: 3 distinct values among 4 present
    assertThat(page).contains("x</a></td><td>INT</td><td>4</td><td class=\"warn\">20.0%</td>")
        .contains("(exact)").contains("distinct 3 ");
  }
}
