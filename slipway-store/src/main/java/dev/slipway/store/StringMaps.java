package dev.slipway.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.slipway.core.InvalidInputException;
import dev.slipway.core.Json;
import dev.slipway.core.SlipwayException;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * String-to-string maps (properties, parameters, tags) as the records hold them — sorted,
 * unmodifiable, no nulls — and as the metadata store persists them: canonical JSON text.
 */
final class StringMaps {
  private static final TypeReference<TreeMap<String, String>> TYPE = new TypeReference<>() {};

  private StringMaps() {}

  /** An unmodifiable sorted copy; {@code null} is an empty map. */
  static Map<String, String> copy(String what, Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Collections.emptySortedMap();
    }
    SortedMap<String, String> copy = new TreeMap<>();
    map.forEach(
        (key, value) -> {
          if (key == null || value == null) {
            throw new InvalidInputException(
                what + " must not contain null keys or values; got " + key + "=" + value);
          }
          copy.put(key, value);
        });
    return Collections.unmodifiableSortedMap(copy);
  }

  static String toJson(Map<String, String> map) {
    try {
      return Json.MAPPER.writeValueAsString(copy("map", map));
    } catch (JsonProcessingException e) {
      throw new SlipwayException("cannot encode " + map + " as JSON", e);
    }
  }

  static Map<String, String> fromJson(String json) {
    try {
      return Collections.unmodifiableSortedMap(Json.MAPPER.readValue(json, TYPE));
    } catch (JsonProcessingException e) {
      throw new SlipwayException("metadata store holds a malformed string map: " + json, e);
    }
  }
}
