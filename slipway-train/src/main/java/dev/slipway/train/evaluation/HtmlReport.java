package dev.slipway.train.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders an {@link EvaluationResult} as one self-contained HTML page: inline CSS and SVG, no
 * scripts, no network. Shows the overall metrics, the blessing, ROC, precision-recall and
 * calibration curves, the confusion matrix, the slice table with fairness rates and the feature
 * importances. Stateless; thread-safe.
 */
public final class HtmlReport {
  private HtmlReport() {}

  private static final int SIZE = 260;
  private static final int PAD = 30;

  /** The page for a report; {@code title} names the model, e.g. {@code credit:3}. */
  public static String render(EvaluationResult r, String title) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Evaluation of ")
        .append(esc(title)).append("</title>\n<style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}")
        .append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}th{background:#f3f3f3}")
        .append("td:first-child,th:first-child{text-align:left}.ok{color:#176d2c}.bad{color:#a31515}")
        .append("svg{margin:0 1em 1em 0;border:1px solid #ddd}.charts{display:flex;flex-wrap:wrap}")
        .append("</style></head><body>\n<h1>Evaluation of ").append(esc(title)).append("</h1>\n<p>")
        .append(r.count()).append(" rows, task ").append(esc(r.task())).append(", label <code>")
        .append(esc(r.label())).append("</code>")
        .append(r.positiveClass() == null ? "" : ", positive class <code>" + esc(r.positiveClass()) + "</code>")
        .append("</p>\n");
    blessing(h, r.blessing());
    h.append("<h2>Metrics</h2>\n");
    table(h, List.of("metric", "value"), r.metrics().entrySet().stream()
        .map(e -> List.of(e.getKey(), num(e.getValue()))).toList());
    Plots p = r.plots();
    if (p != null && p.roc() != null) {
      h.append("<h2>Curves</h2>\n<div class=\"charts\">");
      chart(h, "ROC (false vs true positive rate)", p.roc(), true);
      chart(h, "Precision (y) vs recall (x)", p.precisionRecall(), false);
      chart(h, "Calibration (mean score vs fraction positive)", p.calibration(), true);
      h.append("</div>\n");
    }
    if (p != null && p.confusionMatrix() != null) {
      confusion(h, p.confusionMatrix(), r.classes());
    }
    slices(h, r);
    importance(h, r);
    return h.append("</body></html>\n").toString();
  }

  private static void blessing(StringBuilder h, Blessing b) {
    if (b == null) {
      return;
    }
    h.append("<h2>Validation</h2>\n<p class=\"").append(b.blessed() ? "ok\">BLESSED" : "bad\">NOT BLESSED")
        .append("</p><p>").append(b.checked()).append(" threshold(s) checked")
        .append(b.baseline() == null ? "" : " against baseline " + esc(b.baseline())).append("</p>\n<ul>");
    b.reasons().forEach(s -> h.append("<li class=\"bad\">").append(esc(s)).append("</li>"));
    b.notes().forEach(s -> h.append("<li>").append(esc(s)).append("</li>"));
    h.append("</ul>\n");
  }

  private static void chart(StringBuilder h, String title, Curve c, boolean diagonal) {
    int full = SIZE + 2 * PAD;
    h.append("<svg width=\"").append(full).append("\" height=\"").append(full)
        .append("\" role=\"img\"><title>").append(esc(title)).append("</title>")
        .append("<text x=\"").append(PAD).append("\" y=\"18\" font-size=\"12\">").append(esc(title)).append("</text>")
        .append("<rect x=\"").append(PAD).append("\" y=\"").append(PAD).append("\" width=\"").append(SIZE)
        .append("\" height=\"").append(SIZE).append("\" fill=\"none\" stroke=\"#999\"/>");
    if (diagonal) {
      h.append("<line x1=\"").append(x(0)).append("\" y1=\"").append(y(0)).append("\" x2=\"").append(x(1))
          .append("\" y2=\"").append(y(1)).append("\" stroke=\"#ccc\" stroke-dasharray=\"4\"/>");
    }
    h.append("<polyline fill=\"none\" stroke=\"#1f5fbf\" stroke-width=\"2\" points=\"");
    for (int i = 0; i < c.size(); i++) {
      if (Double.isFinite(c.x()[i]) && Double.isFinite(c.y()[i])) {
        h.append(x(c.x()[i])).append(',').append(y(c.y()[i])).append(' ');
      }
    }
    h.append("\"/><text x=\"").append(PAD).append("\" y=\"").append(full - 8)
        .append("\" font-size=\"10\">0</text><text x=\"").append(PAD + SIZE - 6).append("\" y=\"")
        .append(full - 8).append("\" font-size=\"10\">1</text></svg>");
  }

  private static String x(double v) {
    return String.format(Locale.ROOT, "%.1f", PAD + v * SIZE);
  }

  private static String y(double v) {
    return String.format(Locale.ROOT, "%.1f", PAD + (1 - v) * SIZE);
  }

  private static void confusion(StringBuilder h, long[][] m, List<String> classes) {
    h.append("<h2>Confusion matrix</h2>\n<p>Rows: true class; columns: predicted class.</p>\n");
    List<String> header = new java.util.ArrayList<>(List.of("true \\ predicted"));
    header.addAll(classes);
    List<List<String>> rows = new java.util.ArrayList<>();
    for (int i = 0; i < m.length; i++) {
      List<String> row = new java.util.ArrayList<>(List.of(classes.get(i)));
      for (long v : m[i]) {
        row.add(Long.toString(v));
      }
      rows.add(row);
    }
    table(h, header, rows);
  }

  private static void slices(StringBuilder h, EvaluationResult r) {
    if (r.slices().isEmpty()) {
      return;
    }
    List<String> metricNames = r.metrics().keySet().stream().toList();
    List<String> header = new java.util.ArrayList<>(List.of("slice", "count"));
    header.addAll(metricNames);
    boolean fair = r.slices().values().stream().anyMatch(s -> s.fairness() != null);
    if (fair) {
      header.addAll(ModelEvaluator.RATES);
    }
    List<List<String>> rows = new java.util.ArrayList<>();
    for (Map.Entry<String, SliceResult> e : r.slices().entrySet()) {
      List<String> row = new java.util.ArrayList<>(List.of(e.getKey(), Long.toString(e.getValue().count())));
      metricNames.forEach(m -> row.add(num(e.getValue().metrics().get(m))));
      if (fair) {
        ModelEvaluator.RATES.forEach(m -> row.add(num(e.getValue().fairness().get(m))));
      }
      rows.add(row);
    }
    h.append("<h2>Slices</h2>\n");
    table(h, header, rows);
    if (!r.fairnessGaps().isEmpty()) {
      h.append("<h3>Fairness gaps (decision threshold 0.5)</h3>\n");
      List<List<String>> gaps = new java.util.ArrayList<>();
      r.fairnessGaps().forEach((spec, byRate) -> byRate.forEach((rate, g) -> gaps.add(List.of(
          spec, rate, num(g.min()), num(g.max()), num(g.gap()), num(g.overall()), num(g.maxVsOverall())))));
      table(h, List.of("slicing", "rate", "min", "max", "max − min", "overall", "max |group − overall|"), gaps);
    }
  }

  private static void importance(StringBuilder h, EvaluationResult r) {
    if (!r.permutationImportance().isEmpty()) {
      h.append("<h2>Permutation importance</h2>\n");
      table(h, List.of("feature", "mean drop", "std"), r.permutationImportance().entrySet().stream()
          .sorted((a, b) -> Double.compare(b.getValue().mean(), a.getValue().mean()))
          .map(e -> List.of(e.getKey(), num(e.getValue().mean()), num(e.getValue().std()))).toList());
    }
    if (!r.gainImportance().isEmpty()) {
      h.append("<h2>Gain importance (XGBoost)</h2>\n");
      table(h, List.of("feature", "average gain"), r.gainImportance().entrySet().stream()
          .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
          .map(e -> List.of(e.getKey(), num(e.getValue()))).toList());
    }
  }

  private static void table(StringBuilder h, List<String> header, List<List<String>> rows) {
    h.append("<table><tr>");
    header.forEach(c -> h.append("<th>").append(esc(c)).append("</th>"));
    h.append("</tr>\n");
    for (List<String> row : rows) {
      h.append("<tr>");
      row.forEach(c -> h.append("<td>").append(esc(c)).append("</td>"));
      h.append("</tr>\n");
    }
    h.append("</table>\n");
  }

  private static String num(Double v) {
    return v == null ? "–" : String.format(Locale.ROOT, "%.4f", v);
  }

  static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
