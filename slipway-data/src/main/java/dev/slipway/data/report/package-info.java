/**
 * Validation reports for people and machines: {@link dev.slipway.data.report.ValidationReport}
 * (versioned JSON) and {@link dev.slipway.data.report.HtmlReport} (one self-contained HTML file:
 * inline CSS and SVG, no scripts or network, per-feature distributions of two datasets side by
 * side as in TFDV's Facets view).
 */
package dev.slipway.data.report;
