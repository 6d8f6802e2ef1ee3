package dev.slipway.data.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.slipway.core.Anomalies.Anomaly;
import dev.slipway.core.Anomalies;
import dev.slipway.core.Json;
import dev.slipway.core.OutputFiles;
import dev.slipway.data.drift.DriftReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything {@code slipway data validate} found, persisted as canonical JSON ({@link Json#MAPPER},
 * sorted keys) with a {@code format_version}. Format: {@code docs/data-validation.md}.
 *
 * @param formatVersion {@value #FORMAT_VERSION}
 * @param dataset the validated file or dataset
 * @param baseline the baseline compared with, or null
 * @param anomalies schema anomalies followed by the drift/skew ones, in that order
 * @param drift the per-feature measures, or null without a baseline
 */
public record ValidationReport(
    @JsonProperty("format_version") int formatVersion,
    String dataset,
    String baseline,
    Anomalies anomalies,
    DriftReport drift) {

  public static final int FORMAT_VERSION = 1;

  /** Joins the schema validator's anomalies with the drift detector's (if any). */
  public static ValidationReport of(String dataset, Anomalies schema, String baseline, DriftReport drift) {
    List<Anomaly> all = new ArrayList<>(schema.items());
    if (drift != null) {
      all.addAll(drift.anomalies().items());
    }
    return new ValidationReport(FORMAT_VERSION, dataset, baseline, new Anomalies(all), drift);
  }

  /** Writes the report as JSON. */
  public void writeJson(Path file) {
    OutputFiles.write(file, Json.bytes(this), "report");
  }
}
