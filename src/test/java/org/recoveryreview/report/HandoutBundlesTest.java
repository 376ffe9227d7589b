package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ibm.icu.text.MessageFormat;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recoveryreview.model.Flag;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.PatientReview;
import org.recoveryreview.model.PopulationReference;
import org.recoveryreview.model.ReportSettings;

/** The six bundles are complete and well formed; site files override them; no English in code. */
class HandoutBundlesTest {
  private static final Map<String, String> ENGLISH = HandoutBundles.bundled("en");

  @Test
  void bundled_everyLanguage_hasEveryKeyAndNoOther() {
    for (String language : HandoutText.LANGUAGES) {
      assertEquals(
          new TreeSet<>(ENGLISH.keySet()),
          new TreeSet<>(HandoutBundles.bundled(language).keySet()),
          language);
    }
  }

  @Test
  void bundled_everyPattern_formatsEveryCountWithoutLeftovers() {
    HandoutBundles all = HandoutBundles.load(Optional.empty());
    for (String language : HandoutText.LANGUAGES) {
      HandoutText t = all.text(Optional.of(language));
      for (String key : HandoutBundles.bundled(language).keySet()) {
        if (key.endsWith(".pattern")) {
          continue;
        }
        boolean countFirst = HandoutBundles.bundled(language).get(key).contains("{0, plural");
        for (int n : new int[] {0, 1, 2, 3, 7, 11, 14, 100, 102}) {
          String s = t.get(key, countFirst ? n : "X", n, n + 1);
          assertFalse(s.contains("{") || s.contains("}"), language + " " + key + ": " + s);
          assertFalse(s.isBlank(), language + " " + key);
        }
      }
      // Translated, not copied: the headings differ from English in every other language.
      if (!language.equals("en")) {
        assertFalse(t.get("well.heading").equals(ENGLISH.get("well.heading")), language);
      }
    }
  }

  @Test
  void text_languageTags_fallBackToTheirLanguageOrEnglish() {
    assertEquals("zh", HandoutText.languageOf(Optional.of("zh-Hant")));
    assertEquals("zh", HandoutText.languageOf(Optional.of("zh_TW")));
    assertEquals("es", HandoutText.languageOf(Optional.of("es-MX")));
    assertEquals("ar", HandoutText.languageOf(Optional.of("ar-EG")));
    assertEquals("ja", HandoutText.languageOf(Optional.of("ja")));
    assertEquals("ko", HandoutText.languageOf(Optional.of("ko-KR")));
    assertEquals("en", HandoutText.languageOf(Optional.of("fr")));
    assertEquals("en", HandoutText.languageOf(Optional.empty()));
    assertTrue(HandoutText.supported(Optional.of("es-MX")));
    assertFalse(HandoutText.supported(Optional.of("fr")));
  }

  @Test
  void load_siteFile_overridesKeysOfItsLanguageOnly(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("handout_es.properties"),
        "intro=Esta hoja es de la clínica San Juan.\n",
        StandardCharsets.UTF_8);
    HandoutBundles b = HandoutBundles.load(Optional.of(dir));
    assertEquals("Esta hoja es de la clínica San Juan.", b.text(Optional.of("es")).get("intro"));
    assertEquals(
        HandoutBundles.bundled("es").get("well.heading"),
        b.text(Optional.of("es")).get("well.heading"));
    assertEquals(ENGLISH.get("intro"), b.text(Optional.of("en")).get("intro"));
  }

  @Test
  void load_siteFileWithUnknownKey_failsNamingFileAndKey(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("handout.properties"), "welcome=Hello\n");
    JobFailure f = assertThrows(JobFailure.class, () -> HandoutBundles.load(Optional.of(dir)));
    assertTrue(f.getMessage().contains("handout.properties"), f.getMessage());
    assertTrue(f.getMessage().contains("'welcome'"), f.getMessage());
  }

  @Test
  void load_siteFileWithBrokenPattern_failsNamingTheKey(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("handout.properties"), "well.clinic=You came {0 of {1}\n");
    JobFailure f = assertThrows(JobFailure.class, () -> HandoutBundles.load(Optional.of(dir)));
    assertTrue(f.getMessage().contains("'well.clinic'"), f.getMessage());
  }

  @Test
  void load_siteFileNotUtf8_fails(@TempDir Path dir) throws Exception {
    Files.write(
        dir.resolve("handout_es.properties"),
        new byte[] {'i', 'n', 't', 'r', 'o', '=', (byte) 0xE9});
    JobFailure f = assertThrows(JobFailure.class, () -> HandoutBundles.load(Optional.of(dir)));
    assertTrue(f.getMessage().contains("UTF-8"), f.getMessage());
  }

  /**
   * Every letter of the English bundle marked (outside the MessageFormat syntax), written as a site
   * override: any unmarked English word left on a rendered handout was typed into the code.
   */
  @Test
  void renderHandout_pseudoLocalised_noHardCodedEnglish(@TempDir Path dir) throws Exception {
    StringBuilder file = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(ENGLISH).entrySet()) {
      String v = e.getKey().endsWith(".pattern") ? e.getValue() : pseudo(e.getValue());
      new MessageFormat(v); // still parses
      file.append(e.getKey()).append('=').append(v.replace("\\", "\\\\")).append('\n');
    }
    Files.writeString(dir.resolve("handout.properties"), file, StandardCharsets.UTF_8);
    ReportSettings settings =
        new ReportSettings(
            "Org",
            Map.of(),
            "A4",
            Optional.empty(),
            Optional.empty(),
            PopulationReference.DEFAULT_DIAGNOSES,
            Optional.of(dir));
    ReportRenderer r = new ReportRenderer(settings);
    List<PatientReview> situations =
        List.of(
            new HandoutSituation().names("Ann", "Clinic", "Tom").goal("Goal", true).build(),
            new HandoutSituation().names("Ann", "Clinic", "Tom").flag(Flag.DROP_OFF).build(),
            new HandoutSituation()
                .names("Ann", "Clinic", "Tom")
                .clinic(2, 10)
                .noHomeProgramme()
                .flag(Flag.PLATEAU)
                .flag(Flag.ASSESSMENT_OVERDUE)
                .build());
    for (PatientReview p : situations) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      r.renderHandout(p, ReportFixtures.CONTEXT, out);
      String t = PdfChecks.text(out.toByteArray());
      for (String data : new String[] {"Ann", "Clinic", "Tom", "Goal", "October", "Oct", "Sep"}) {
        t = t.replace(data, "");
      }
      Matcher m = Pattern.compile("[A-Za-z]{2,}").matcher(t);
      List<String> english = new ArrayList<>();
      while (m.find()) {
        english.add(m.group());
      }
      assertEquals(List.of(), english, t);
    }
  }

  /** Each ASCII letter outside {argument syntax} gets a diaeresis: "Hello" becomes "Ḧëḷḷö"-like. */
  private static String pseudo(String pattern) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    for (char c : pattern.toCharArray()) {
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        depth--;
      }
      out.append(c);
      // Depth 0 is text, depth 2 the text of a plural's sub-message; odd depths are syntax.
      if (depth % 2 == 0 && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        out.append('\u0308');
      }
    }
    return out.toString();
  }
}
