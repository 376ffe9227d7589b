package org.recoveryreview.config;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.recoveryreview.model.Codes;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.FontFile;
import org.recoveryreview.model.Status;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * How one configuration value is read and checked: its type and allowed range, with the message
 * that says what is allowed when the value is not.
 *
 * @param <T> the value's Java type
 */
@FunctionalInterface
interface ValueType<T> {

  /** The value of {@code node} for the key {@code name}, or a usage failure naming its line. */
  T read(Node node, String name, YamlNodes yaml);

  /** Non-blank text. */
  static ValueType<String> text() {
    return (node, name, yaml) -> yaml.nonBlank(node, name);
  }

  /** A decimal from 0 to 1. */
  static ValueType<Double> fraction() {
    return number(
        Double::parseDouble,
        "is not a number; expected a decimal from 0 to 1 such as 0.8",
        d -> d >= 0 && d <= 1,
        "expected a decimal from 0 to 1 such as 0.8");
  }

  /** A decimal above 0 and up to {@code max}. */
  static ValueType<Double> positiveDecimal(double max) {
    return number(
        Double::parseDouble,
        "is not a number; expected a decimal such as 3.2",
        d -> d > 0 && d <= max,
        "expected a number above 0 and up to " + max);
  }

  /** A whole number from 1 to {@code max}. */
  static ValueType<Integer> wholeNumber(int max) {
    return number(
        Integer::parseInt,
        "is not a whole number; expected 1 to " + max,
        i -> i >= 1 && i <= max,
        "expected a whole number from 1 to " + max);
  }

  /**
   * A number as {@code parse} reads the trimmed text, refused as "'text' {@code unreadable}" when
   * it cannot, and as "text is impossible; {@code expected}" when {@code possible} says no (NaN
   * included, as every comparison with it is false).
   */
  private static <N> ValueType<N> number(
      Function<String, N> parse, String unreadable, Predicate<N> possible, String expected) {
    return (node, name, yaml) -> {
      String v = yaml.scalar(node, name);
      N n;
      try {
        n = parse.apply(v.trim());
      } catch (NumberFormatException e) {
        throw yaml.invalid(node, name, "'" + v + "' " + unreadable);
      }
      if (!possible.test(n)) {
        throw yaml.invalid(node, name, v + " is impossible; " + expected);
      }
      return n;
    };
  }

  /** true/false, also yes/no and on/off. */
  static ValueType<Boolean> bool() {
    return (node, name, yaml) -> {
      String v = yaml.scalar(node, name).trim().toLowerCase(Locale.ROOT);
      return switch (v) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default -> throw yaml.invalid(node, name, "'" + v + "' is not true or false");
      };
    };
  }

  /**
   * An octal permission mode such as 0750 (read as text: YAML would take 0750 for a number). The
   * owner needs {@code ownerNeeds} to write and later replace the reports; nobody else may write
   * (anyone could then plant or delete a report); a file is never executable.
   */
  static ValueType<Integer> octalMode(int ownerNeeds, String ownerText) {
    return (node, name, yaml) -> {
      String v = yaml.scalar(node, name).trim();
      String fix = "; expected an octal mode such as " + (ownerNeeds == 0700 ? "0750" : "0640");
      if (!v.matches("0?[0-7]{3}")) {
        throw yaml.invalid(node, name, "'" + v + "' is not an octal permission mode" + fix);
      }
      int m = Integer.parseInt(v, 8);
      if ((m & ownerNeeds) != ownerNeeds) {
        throw yaml.invalid(
            node, name, v + " takes from the owner " + ownerText + ", which the job needs" + fix);
      }
      if ((m & 0002) != 0) {
        throw yaml.invalid(node, name, v + " lets every local user write the reports" + fix);
      }
      if (ownerNeeds == 0600 && (m & 0111) != 0) {
        throw yaml.invalid(node, name, v + " makes the reports executable" + fix);
      }
      return m;
    };
  }

  /** One of {@code allowed}, ignoring case, returned in upper case. */
  static ValueType<String> upperCaseChoice(List<String> allowed) {
    return (node, name, yaml) -> {
      String p = yaml.scalar(node, name).toUpperCase(Locale.ROOT);
      if (!allowed.contains(p)) {
        throw yaml.invalid(
            node, name, "'" + p + "' is not allowed (use " + String.join(" or ", allowed) + ")");
      }
      return p;
    };
  }

  /** A charset Java knows. */
  static ValueType<Charset> charset() {
    return (node, name, yaml) -> {
      String cs = yaml.nonBlank(node, name);
      try {
        return Charset.forName(cs);
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        throw yaml.invalid(
            node,
            name,
            "'" + cs + "' is not a charset Java knows (try UTF-8, windows-1252 or GBK)");
      }
    };
  }

  /** comma, semicolon, tab or pipe, by name or as the character. */
  static ValueType<Optional<Character>> delimiter() {
    return (node, name, yaml) -> {
      String d = yaml.scalar(node, name);
      return Optional.of(
          switch (d.toLowerCase(Locale.ROOT)) {
            case ",", "comma" -> ',';
            case ";", "semicolon" -> ';';
            case "\t", "tab" -> '\t';
            case "|", "pipe" -> '|';
            default ->
                throw yaml.invalid(
                    node, name, "'" + d + "' is not allowed (use comma, semicolon, tab or pipe)");
          });
    };
  }

  /** A java.time date pattern. */
  static ValueType<Optional<String>> datePattern() {
    return (node, name, yaml) -> {
      String p = yaml.nonBlank(node, name);
      try {
        DateTimeFormatter unused = DateTimeFormatter.ofPattern(p, Locale.ROOT);
      } catch (IllegalArgumentException e) {
        throw yaml.invalid(node, name, "'" + p + "' is not a date pattern (example: dd/MM/yyyy)");
      }
      return Optional.of(p);
    };
  }

  /** An existing folder, relative to the configuration file or absolute. */
  static ValueType<Optional<Path>> folder() {
    return (node, name, yaml) -> {
      Path p = yaml.resolve(Path.of(yaml.nonBlank(node, name)));
      if (!Files.isDirectory(p)) {
        throw yaml.invalid(node, name, "folder '" + p + "' does not exist");
      }
      return Optional.of(p);
    };
  }

  /** An existing font file; a collection may name its face as "path,N" (N is kept). */
  static ValueType<Optional<Path>> fontFile() {
    return (node, name, yaml) -> {
      String raw = yaml.nonBlank(node, name);
      FontFile font = FontFile.parse(raw);
      Path p = yaml.resolve(font.file());
      String problem = notAFontFile(p);
      if (!problem.isEmpty()) {
        throw yaml.invalid(node, name, "'" + p + "' " + problem);
      }
      if (font.face().isPresent() && !font.isCollection()) {
        throw yaml.invalid(
            node,
            name,
            "'"
                + raw
                + "' gives a face index, but only a .ttc/.otc collection has several faces;"
                + " remove the ',N' suffix");
      }
      return Optional.of(Path.of(new FontFile(p, font.face()).toString()));
    };
  }

  /** A YAML list of non-blank values ("[ischaemic stroke, stroke]"); an empty list is allowed. */
  static ValueType<List<String>> textList() {
    return (node, name, yaml) -> {
      if (!(node instanceof SequenceNode seq)) {
        throw yaml.invalid(
            node, name, "expected a list such as [ischaemic stroke, ischemic stroke]");
      }
      List<String> out = new ArrayList<>();
      for (Node item : seq.getValue()) {
        out.add(yaml.nonBlank(item, name));
      }
      return List.copyOf(out);
    };
  }

  /** A mapping of other spellings onto values read by {@code value}, in file order. */
  static <V> ValueType<Map<String, V>> aliases(ValueType<V> value) {
    return (node, name, yaml) -> {
      Map<String, V> out = new LinkedHashMap<>();
      for (NodeTuple t : yaml.mapping(node, name).getValue()) {
        String alias = yaml.scalar(t.getKeyNode(), name);
        out.put(alias, value.read(t.getValueNode(), name + "." + alias, yaml));
      }
      return out;
    };
  }

  /** A contract status spelled the way the sessions file spells it. */
  static ValueType<Status> status() {
    return (node, name, yaml) ->
        Status.parse(yaml.scalar(node, name))
            .orElseThrow(
                () ->
                    yaml.invalid(
                        node,
                        name,
                        "'"
                            + yaml.scalar(node, name)
                            + "' is not a status (use completed, partial, missed, late_cancel,"
                            + " cancelled, clinic_cancelled, scheduled or void)"));
  }

  /** Header aliases per file kind: kind, then other header, then contract column. */
  static ValueType<Map<FileKind, Map<String, String>>> headerAliases() {
    return (node, name, yaml) -> {
      Map<FileKind, Map<String, String>> out = new LinkedHashMap<>();
      for (NodeTuple t : yaml.mapping(node, name).getValue()) {
        String kindName = yaml.scalar(t.getKeyNode(), name);
        FileKind kind = fileKind(t.getKeyNode(), name, kindName, yaml);
        out.computeIfAbsent(kind, k -> new LinkedHashMap<>())
            .putAll(aliases(text()).read(t.getValueNode(), name + "." + kindName, yaml));
      }
      return out;
    };
  }

  /** Display names of therapies, keyed by the normalised therapy code. */
  static ValueType<Map<String, String>> therapyNames() {
    return (node, name, yaml) -> {
      Map<String, String> out = new LinkedHashMap<>();
      for (NodeTuple t : yaml.mapping(node, name).getValue()) {
        String code = yaml.scalar(t.getKeyNode(), name);
        out.put(Codes.therapy(code), yaml.nonBlank(t.getValueNode(), name + "." + code));
      }
      return out;
    };
  }

  private static FileKind fileKind(Node node, String name, String kindName, YamlNodes yaml) {
    for (FileKind k : FileKind.values()) {
      if (k.code().equals(kindName.trim().toLowerCase(Locale.ROOT))) {
        return k;
      }
    }
    throw yaml.invalid(
        node,
        name,
        "'" + kindName + "' is not a file kind (use patients, sessions, assessments or goals)");
  }

  /** Why {@code p} cannot be a font file, as a phrase after its name; empty when it can. */
  private static String notAFontFile(Path p) {
    if (Files.isDirectory(p)) {
      return "is a folder, not a font file; name the .ttf, .otf or .ttc file inside it";
    }
    if (!Files.exists(p)) {
      return Files.isSymbolicLink(p)
          ? "is a symbolic link to a file that does not exist; fix the link or the path"
          : "does not exist; check the path (a relative path is read from the config file's"
              + " folder)";
    }
    if (!Files.isRegularFile(p)) {
      return "is not a regular file (a pipe or a device); name a font file";
    }
    if (!Files.isReadable(p)) {
      return "cannot be read by the user running the job ("
          + System.getProperty("user.name")
          + "); fix its permissions";
    }
    return "";
  }
}
