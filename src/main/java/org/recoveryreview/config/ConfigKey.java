package org.recoveryreview.config;

import java.util.function.Function;
import org.recoveryreview.model.Settings;

/**
 * One configuration key: its dotted path in the YAML file, how its value is read and checked, and
 * its default, taken from the built-in {@link Settings#defaults()} so the two cannot differ.
 *
 * @param path dotted path, e.g. {@code adherence.target}
 * @param type reads and checks the value
 * @param defaultValue the value when the key is left out
 * @param <T> the value's Java type
 */
record ConfigKey<T>(String path, ValueType<T> type, Function<Settings, T> defaultValue) {

  /** The section path ({@code recovery.data_query}), empty for a top-level key. */
  String section() {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? "" : path.substring(0, dot);
  }
}
