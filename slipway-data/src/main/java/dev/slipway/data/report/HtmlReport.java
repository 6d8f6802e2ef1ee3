package dev.slipway.data.report;

import dev.slipway.core.Anomalies.Anomaly;
import dev.slipway.core.OutputFiles;
import dev.slipway.data.drift.Binned;
import dev.slipway.data.drift.FeatureDrift;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Renders a {@link ValidationReport} as one self-contained HTML page: the anomalies, then per
 * feature a table of measures and an inline SVG bar chart of the baseline's and the current
 * dataset's shares on shared bins, side by side (TFDV's Facets overview). No script, no network.
 * Stateless and thread-safe.
 */
public final class HtmlReport {
  private static final int BAR_AREA_HEIGHT = 120;
  private static final int MAX_BINS = 40;

  private HtmlReport() {}

  /** The page. */
  public static String render(ValidationReport report) {
    StringBuilder html = new StringBuilder(8192);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Slipway validation: ").append(esc(report.dataset())).append("</title>")
        .append("<style>body{font:14px system-ui,sans-serif;margin:2em;color:#222}")
        .append("table{border-collapse:collapse}td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:left}")
        .append(".bad{color:#b00020}.ok{color:#1b5e20}.f{margin:1.5em 0;padding:1em;border:1px solid #ccc;border-radius:6px}")
        .append(".b{fill:#1f77b4}.c{fill:#ff7f0e}svg text{font-size:10px}</style></head><body>\n");
    html.append("<h1>Validation of ").append(esc(report.dataset())).append("</h1>\n");
    if (report.baseline() != null) {
      html.append("<p>Baseline: ").append(esc(report.baseline()))
          .append(" &mdash; <span style=\"color:#1f77b4\">&#9632; baseline</span> ")
          .append("<span style=\"color:#ff7f0e\">&#9632; current</span></p>\n");
    }
    anomalies(report, html);
    if (report.drift() != null) {
      html.append("<h2>Features (").append(report.drift().comparison().name().toLowerCase(Locale.ROOT))
          .append(", ").append(report.drift().baselineRows()).append(" vs ")
          .append(report.drift().currentRows()).append(" rows)</h2>\n");
      report.drift().features().forEach(f -> feature(f, html));
    }
    return html.append("</body></html>\n").toString();
  }

  /** Writes the page. */
  public static void write(ValidationReport report, Path file) {
    OutputFiles.write(file, render(report).getBytes(StandardCharsets.UTF_8), "HTML report");
  }

  private static void anomalies(ValidationReport report, StringBuilder html) {
    if (report.anomalies().isEmpty()) {
      html.append("<p class=\"ok\">No anomalies.</p>\n");
      return;
    }
    html.append("<h2 class=\"bad\">").append(report.anomalies().items().size())
        .append(" anomalies</h2>\n<table><tr><th>code</th><th>feature</th><th>message</th></tr>\n");
    for (Anomaly a : report.anomalies().items()) {
      html.append("<tr><td>").append(esc(a.code())).append("</td><td>")
          .append(esc(a.feature() == null ? "(dataset)" : a.feature())).append("</td><td>")
          .append(esc(a.message())).append("</td></tr>\n");
    }
    html.append("</table>\n");
  }

  private static void feature(FeatureDrift f, StringBuilder html) {
    html.append("<div class=\"f\"><h3").append(f.flagged().isEmpty() ? ">" : " class=\"bad\">")
        .append(esc(f.name())).append(" <small>(").append(f.kind()).append(")</small></h3>\n<table><tr>");
    cell(html, "L&infin;", f.infinityNorm());
    cell(html, "JS divergence", f.jensenShannonDivergence());
    cell(html, "PSI", f.psi());
    if (f.ks() != null) {
      cell(html, "KS D", f.ks().statistic());
      cell(html, "KS p", f.ks().pValue());
    }
    if (f.chiSquared() != null) {
      cell(html, "&chi;&sup2;", f.chiSquared().statistic());
      cell(html, "&chi;&sup2; p", f.chiSquared().pValue());
    }
    html.append("</tr></table>\n");
    if (f.bins() != null) {
      chart(f.bins(), html);
    }
    html.append("</div>\n");
  }

  private static void cell(StringBuilder html, String name, Double value) {
    if (value != null) {
      html.append("<td>").append(name).append(" = <b>")
          .append(String.format(Locale.ROOT, "%.4g", value)).append("</b></td>");
    }
  }

  /** Grouped bars: for each bin, the baseline's share then the current one's. */
  private static void chart(Binned bins, StringBuilder html) {
    double[] p = bins.baselineShares();
    double[] q = bins.currentShares();
    int n = Math.min(MAX_BINS, p.length);
    double max = 1e-12;
    for (int i = 0; i < n; i++) {
      max = Math.max(max, Math.max(p[i], q[i]));
    }
    int group = 24;
    int width = n * group + 40;
    int height = BAR_AREA_HEIGHT + 110; // room for 18-character labels at 60 degrees
    html.append("<svg width=\"").append(width)
        .append("\" height=\"").append(height).append("\" role=\"img\">");
    for (int i = 0; i < n; i++) {
      int x = 30 + i * group;
      bar(html, "b", x, p[i] / max, p[i]);
      bar(html, "c", x + 10, q[i] / max, q[i]);
      String label = bins.labels().get(i);
      label = label.length() > 18 ? label.substring(0, 17) + "…" : label;
      html.append(String.format(Locale.ROOT,
          "<text transform=\"translate(%d,%d) rotate(60)\">%s</text>", x + 4, BAR_AREA_HEIGHT + 14, esc(label)));
    }
    html.append("</svg>");
    if (p.length > n) {
      html.append("<p>").append(p.length - n).append(" more bins not drawn.</p>");
    }
    html.append('\n');
  }

  private static void bar(StringBuilder html, String cls, int x, double scaled, double share) {
    double h = scaled * BAR_AREA_HEIGHT;
    html.append(String.format(Locale.ROOT,
        "<rect class=\"%s\" x=\"%d\" y=\"%.1f\" width=\"9\" height=\"%.1f\"><title>%.2f%%</title></rect>",
        cls, x, 4 + BAR_AREA_HEIGHT - h, h, 100 * share));
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
