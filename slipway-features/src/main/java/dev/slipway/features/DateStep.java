package dev.slipway.features;

import dev.slipway.core.Column;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Calendar parts of a date or timestamp column, one numeric output per part: {@code year},
 * {@code month} (1–12), {@code day_of_month} (1–31), {@code day_of_week} (ISO: 1 = Monday … 7 =
 * Sunday), {@code day_of_year} (1–366), {@code hour} (0–23). Accepted values: {@code 2001-01-22},
 * {@code 2001-01-22T13:05[:07[.123]]} (or with a space for the {@code T}), optionally followed by
 * {@code Z} or an offset such as {@code +02:00}; a timestamp's parts are read as written (its
 * local time), not converted to UTC. A missing value gets each part's most frequent training
 * value ({@code fills}), and so does a value that is not a date when {@code invalidAsMissing}
 * (otherwise it is an error naming the column, row and value).
 *
 * @param column the input column
 * @param parts the parts, in output order
 * @param fills one per part
 * @param invalidAsMissing treat a value that is not a date as missing instead of failing
 */
record DateStep(String column, List<String> parts, List<Double> fills, boolean invalidAsMissing)
    implements TransformGraph.Step {

  static final List<String> PARTS =
      List.of("year", "month", "day_of_month", "day_of_week", "day_of_year", "hour");

  DateStep {
    parts = List.copyOf(parts);
    fills = List.copyOf(fills);
    for (String part : parts) {
      if (!PARTS.contains(part)) {
        throw new InvalidInputException(
            "date part '" + part + "' is not supported; expected one of " + String.join(", ", PARTS));
      }
    }
  }

  @Override
  public List<String> inputColumns() {
    return List.of(column);
  }

  @Override
  public List<String> outputNames() {
    return parts.stream().map(p -> column + "." + p).toList();
  }

  @Override
  public void write(Table rows, double[] out, int stride, int offset) {
    double[][] values = values(rows.column(column), parts, invalidAsMissing);
    for (int r = 0; r < values.length; r++) {
      for (int p = 0; p < parts.size(); p++) {
        double v = values[r][p];
        out[r * stride + offset + p] = Double.isNaN(v) ? fills.get(p) : v;
      }
    }
  }

  /** Each row's parts, NaN for a missing value. */
  static double[][] values(Column column, List<String> parts, boolean invalidAsMissing) {
    double[][] out = new double[column.size()][parts.size()];
    for (int r = 0; r < out.length; r++) {
      String text = column.text(r);
      LocalDateTime t = null;
      try {
        t = text == null ? null : parse(column.name(), r, text);
      } catch (InvalidInputException e) {
        if (!invalidAsMissing) {
          throw e;
        }
      }
      for (int p = 0; p < parts.size(); p++) {
        out[r][p] = t == null ? Double.NaN : part(t, parts.get(p));
      }
    }
    return out;
  }

  private static double part(LocalDateTime t, String part) {
    return switch (part) {
      case "year" -> t.getYear();
      case "month" -> t.getMonthValue();
      case "day_of_month" -> t.getDayOfMonth();
      case "day_of_week" -> t.getDayOfWeek().getValue();
      case "day_of_year" -> t.getDayOfYear();
      case "hour" -> t.getHour();
      default -> throw new IllegalArgumentException(part);
    };
  }

  static LocalDateTime parse(String column, int row, String text) {
    String s = text.strip();
    try {
      if (s.length() == 10) {
        return LocalDate.parse(s).atStartOfDay();
      }
      s = s.replace(' ', 'T');
      if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
        return OffsetDateTime.parse(s).toLocalDateTime();
      }
      return LocalDateTime.parse(s);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          "column '"
              + column
              + "' has '"
              + text
              + "' at row "
              + row
              + "; expected a date such as 2001-01-22 or 2001-01-22T13:05:07Z",
          e);
    }
  }
}
