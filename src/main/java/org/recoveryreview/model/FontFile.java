package org.recoveryreview.model;

import java.nio.file.Path;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A font file and, for a TrueType/OpenType collection ({@code .ttc}/{@code .otc}), which face in
 * it: the one reading of the {@code path,N} form that config keys and fontconfig both use.
 */
public record FontFile(Path file, OptionalInt face) {
  private static final Pattern FACE_SUFFIX = Pattern.compile("^(.*),(\\d{1,3})$");

  /**
   * Splits a trailing {@code ,N} face index off a configured path; without one the face is left to
   * the reader (the first face, or the one whose name suits the text's region).
   */
  public static FontFile parse(String spec) {
    Matcher m = FACE_SUFFIX.matcher(spec.trim());
    if (m.matches()) {
      return new FontFile(Path.of(m.group(1)), OptionalInt.of(Integer.parseInt(m.group(2))));
    }
    return new FontFile(Path.of(spec.trim()), OptionalInt.empty());
  }

  /** {@link #parse(String)} of a path that may carry the suffix in its last name element. */
  public static FontFile parse(Path spec) {
    return parse(spec.toString());
  }

  /** True for a collection of several faces. */
  public boolean isCollection() {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".ttc") || lower.endsWith(".otc");
  }

  /** The configured form: the path, plus {@code ,N} when a face is chosen. */
  @Override
  public String toString() {
    return face.isPresent() ? file + "," + face.getAsInt() : file.toString();
  }
}
