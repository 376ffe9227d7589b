package org.recoveryreview.report;

import com.ibm.icu.text.MessageFormat;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;

/**
 * The handout wording of every language, read once per run: the bundled {@code handout} resource
 * bundles ({@code handout.properties} is English, {@code handout_<language>.properties} the
 * others), each overridden key by key by a site's file of the same name in the folder set by {@code
 * report.handout_text}. A site file with an unknown key or a pattern that does not parse stops the
 * run before any report is written, naming the file and the key.
 */
final class HandoutBundles {
  static final String SETTING = "report.handout_text";
  private static final String RESOURCE = "org/recoveryreview/report/";

  private final Map<String, Map<String, String>> byLanguage = new HashMap<>();

  private HandoutBundles() {}

  /** The bundled wording with, when {@code siteFolder} is set, the site's files over it. */
  static HandoutBundles load(Optional<Path> siteFolder) {
    HandoutBundles b = new HandoutBundles();
    Map<String, String> english = bundled("en");
    for (String language : HandoutText.LANGUAGES) {
      Map<String, String> words = new HashMap<>(bundled(language));
      if (siteFolder.isPresent()) {
        Path file = siteFolder.get().resolve(fileName(language));
        if (Files.exists(file)) {
          words.putAll(site(file, english.keySet()));
        }
      }
      b.byLanguage.put(language, Map.copyOf(words));
    }
    return b;
  }

  /** The text of a patient's language (BCP 47), English when it has none. */
  HandoutText text(Optional<String> languageTag) {
    String language = HandoutText.languageOf(languageTag);
    return new HandoutText(
        language,
        Objects.requireNonNull(
            byLanguage.get(language), "languageOf gives one of LANGUAGES, all loaded"));
  }

  static String fileName(String language) {
    return language.equals("en") ? "handout.properties" : "handout_" + language + ".properties";
  }

  /** The keys and patterns of a bundled language, exactly as in its file. */
  static Map<String, String> bundled(String language) {
    String name = RESOURCE + fileName(language);
    try (InputStream in = HandoutBundles.class.getClassLoader().getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("handout text " + name + " missing from the jar");
      }
      return read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> site(Path file, Set<String> known) {
    Map<String, String> words;
    try (InputStream in = Files.newInputStream(file)) {
      words = read(in);
    } catch (IOException | IllegalArgumentException e) {
      throw new JobFailure(
          ExitCode.USAGE,
          siteFile(file)
              + " cannot be read ("
              + e.getMessage()
              + "); save it as UTF-8 properties or remove it.",
          e);
    }
    for (String key : new TreeSet<>(words.keySet())) {
      if (!known.contains(key)) {
        throw new JobFailure(
            ExitCode.USAGE,
            siteFile(file)
                + " has the unknown key '"
                + key
                + "'; use the keys of docs/handout.md or remove the line.");
      }
      try {
        new MessageFormat(words.get(key));
      } catch (IllegalArgumentException e) {
        throw new JobFailure(
            ExitCode.USAGE,
            siteFile(file)
                + ", key '"
                + key
                + "': the text does not parse ("
                + e.getMessage()
                + "); check its {braces} against docs/handout.md.",
            e);
      }
    }
    return words;
  }

  /** How every error about the site's handout text file begins: the file and its setting. */
  private static String siteFile(Path file) {
    return "Handout text file " + file + " (" + SETTING + ")";
  }

  private static Map<String, String> read(InputStream in) throws IOException {
    Properties p = new Properties();
    // Strict: a site file saved in another encoding is an error, not silently garbled text.
    try (Reader r =
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      p.load(r);
    }
    Map<String, String> out = new HashMap<>();
    for (String k : p.stringPropertyNames()) {
      out.put(k, p.getProperty(k));
    }
    return out;
  }
}
