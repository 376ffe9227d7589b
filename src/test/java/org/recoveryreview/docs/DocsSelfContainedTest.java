package org.recoveryreview.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The documentation is read by people who have only the repository. */
class DocsSelfContainedTest {
  // The development machine's shared notes, by absolute path or climbing out of the repository.
  private static final Pattern OUTSIDE = Pattern.compile("(/work/|\\.\\./shared)");

  @Test
  void docs_pointNowhereOutsideTheRepository() throws IOException {
    List<String> found = new ArrayList<>();
    List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
    try (Stream<Path> docs = Files.list(Path.of("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).forEach(pages::add);
    }
    for (Path page : pages) {
      List<String> lines = Files.readAllLines(page);
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = OUTSIDE.matcher(lines.get(i));
        if (m.find()) {
          found.add(page + ":" + (i + 1) + ": " + lines.get(i).trim());
        }
      }
    }
    assertEquals(List.of(), found);
  }

  @Test
  void metrics_citesItsSources() throws IOException {
    String metrics = Files.readString(Path.of("docs/metrics.md"));
    assertTrue(metrics.contains("\n## Sources\n"), "docs/metrics.md has no Sources section");
    for (String cited : List.of("Levy", "Arya", "Huynh", "Page")) {
      int section = metrics.indexOf("\n## Sources\n");
      assertTrue(metrics.indexOf("- " + cited, section) > 0, cited + " is not in Sources");
    }
  }
}
