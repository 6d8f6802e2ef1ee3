package dev.slipway.data.report;

import dev.slipway.core.OutputFiles;
import dev.slipway.core.Statistics.Bucket;
import dev.slipway.core.Statistics.NumericSummary;
import dev.slipway.core.Statistics.StringSummary;
import dev.slipway.core.Statistics.ValueCount;
import dev.slipway.core.Statistics;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import static dev.slipway.data.report.HtmlReport.esc;

/**
 * Renders one dataset's {@link Statistics} as a self-contained HTML page (TFDV's Facets overview
 * for a single dataset): an overview table of every feature, then per feature its summary and an
 * inline SVG chart — the equal-width histogram of a numeric feature, the most frequent values of
 * a text feature. No script, no external resource. Stateless and thread-safe.
 */
public final class StatisticsHtml {
  private static final int CHART_HEIGHT = 120;
  private static final int TOP_BARS = 20;

  private StatisticsHtml() {}

  /** The page; {@code dataset} names the source in the title. */
  public static String render(String dataset, Statistics stats) {
    StringBuilder html = new StringBuilder(16384);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Slipway statistics: ").append(esc(dataset)).append("</title>")
        .append("<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}")
        .append("td:first-child,th:first-child{text-align:left}.f{margin:1.5em 0;padding:1em;border:1px solid #ccc;border-radius:6px}")
        .append(".b{fill:#1f77b4}svg text{font-size:10px}.warn{color:#b00020}</style></head><body>\n")
        .append("<h1>Statistics of ").append(esc(dataset)).append("</h1>\n")
        .append(String.format(Locale.ROOT, "<p>%d rows, %d features</p>%n", stats.rows(), stats.features().size()));
    overview(stats, html);
    for (Statistics.Feature f : stats.features()) {
      html.append("<div class=\"f\"><h3 id=\"f-").append(esc(f.name())).append("\">").append(esc(f.name()))
          .append(" <small>(").append(f.type()).append(")</small></h3>\n");
      if (f.numeric() != null) {
        numeric(f.numeric(), html);
      } else if (f.strings() != null) {
        strings(f.strings(), html);
      } else {
        html.append("<p>no present values</p>\n");
      }
      html.append("</div>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  /** Writes the page atomically, creating the parent directory. */
  public static void write(String dataset, Statistics stats, Path file) {
    OutputFiles.write(file, render(dataset, stats).getBytes(StandardCharsets.UTF_8), "HTML report");
  }

  private static void overview(Statistics stats, StringBuilder html) {
    html.append("<table><tr><th>feature</th><th>type</th><th>present</th><th>missing</th><th>mean</th>")
        .append("<th>std</th><th>min</th><th>median</th><th>max</th><th>zeros</th><th>distinct</th></tr>\n");
    for (Statistics.Feature f : stats.features()) {
      double missing = stats.rows() == 0 ? 0 : 100.0 * f.missing() / stats.rows();
      html.append("<tr><td><a href=\"#f-").append(esc(f.name())).append("\">").append(esc(f.name()))
          .append("</a></td><td>").append(f.type()).append("</td><td>").append(f.count()).append("</td><td")
          .append(missing > 0 ? " class=\"warn\">" : ">").append(String.format(Locale.ROOT, "%.1f%%", missing))
          .append("</td>");
      NumericSummary n = f.numeric();
      if (n != null) {
        for (double v : new double[] {n.mean(), n.std(), n.min(), n.median(), n.max()}) {
          html.append("<td>").append(num(v)).append("</td>");
        }
        html.append("<td>").append(n.zeros()).append("</td><td></td>");
      } else {
        html.append("<td></td>".repeat(6)).append("<td>")
            .append(f.strings() == null ? "" : Long.toString(f.strings().distinct())).append("</td>");
      }
      html.append("</tr>\n");
    }
    html.append("</table>\n");
  }

  private static void numeric(NumericSummary n, StringBuilder html) {
    html.append("<p>mean ").append(num(n.mean())).append(" &middot; std ").append(num(n.std()))
        .append(" &middot; zeros ").append(n.zeros());
    if (n.nan() + n.infinite() > 0) {
      html.append(" &middot; <span class=\"warn\">NaN ").append(n.nan()).append(", &plusmn;inf ")
          .append(n.infinite()).append("</span>");
    }
    html.append("</p>\n<p>quantiles: ");
    n.quantiles().forEach(q -> html.append(String.format(Locale.ROOT, "q%.2f&nbsp;=&nbsp;%s ", q.q(), num(q.value()))));
    html.append(n.quantileError() > 0
        ? String.format(Locale.ROOT, "(sketch, rank error &le; %.3g)", n.quantileError()) : "(exact)");
    html.append("</p>\n");
    List<Bucket> buckets = n.standardHistogram() == null ? List.of() : n.standardHistogram().buckets();
    if (buckets.isEmpty()) {
      return;
    }
    double max = buckets.stream().mapToDouble(Bucket::count).max().orElse(1);
    int group = 44;
    html.append("<svg width=\"").append(buckets.size() * group + 40).append("\" height=\"")
        .append(CHART_HEIGHT + 40).append("\" role=\"img\" aria-label=\"equal-width histogram\">");
    for (int i = 0; i < buckets.size(); i++) {
      Bucket b = buckets.get(i);
      double h = max <= 0 ? 0 : b.count() / max * CHART_HEIGHT;
      int x = 20 + i * group;
      html.append(String.format(Locale.ROOT,
          "<rect class=\"b\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\"><title>[%s, %s%s: %.0f</title></rect>",
          x, 4 + CHART_HEIGHT - h, group - 4, h, num(b.low()), num(b.high()), i == buckets.size() - 1 ? "]" : ")",
          b.count()));
      html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", x, CHART_HEIGHT + 18, num(b.low())));
    }
    html.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>",
        20 + (buckets.size() - 1) * group, CHART_HEIGHT + 34, "max " + num(buckets.getLast().high())));
    html.append("</svg>\n");
  }

  private static void strings(StringSummary s, StringBuilder html) {
    html.append(String.format(Locale.ROOT, "<p>distinct %d &middot; average length %.2f%s</p>%n", s.distinct(),
        s.avgLength(), s.invalidUtf8() > 0 ? " &middot; <span class=\"warn\">invalid UTF-8 " + s.invalidUtf8() + "</span>" : ""));
    List<ValueCount> top = s.topValues().subList(0, Math.min(TOP_BARS, s.topValues().size()));
    if (top.isEmpty()) {
      return;
    }
    long max = top.stream().mapToLong(ValueCount::count).max().orElse(1);
    int row = 16;
    html.append("<svg width=\"560\" height=\"").append(top.size() * row + 8)
        .append("\" role=\"img\" aria-label=\"most frequent values\">");
    for (int i = 0; i < top.size(); i++) {
      ValueCount v = top.get(i);
      String label = v.value().length() > 28 ? v.value().substring(0, 27) + "…" : v.value();
      double w = 300.0 * v.count() / max;
      int y = 4 + i * row;
      html.append(String.format(Locale.ROOT, "<text x=\"0\" y=\"%d\">%s</text>", y + 11, esc(label)))
          .append(String.format(Locale.ROOT, "<rect class=\"b\" x=\"180\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>",
              y, w, row - 3))
          .append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%d</text>", 184 + w, y + 11, v.count()));
    }
    html.append("</svg>\n");
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "&ndash;" : String.format(Locale.ROOT, "%.4g", v);
  }
}
