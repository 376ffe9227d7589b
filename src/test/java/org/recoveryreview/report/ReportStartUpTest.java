package org.recoveryreview.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.ReportSettings;

/**
 * The start-up's throwaway page really goes through what a review uses (a failure there would only
 * be logged at debug level, and the first run would silently lose its head start).
 */
class ReportStartUpTest {
  @Test
  void render_defaultSettings_onePageWithTableAndBothCharts() throws IOException {
    PdfFrame.Rendered r = ReportStartUp.render(ReportSettings.defaults());
    assertEquals(1, r.pages());
    String text = PdfChecks.text(r.bytes());
    assertTrue(text.contains("Sessions attended 12"), text);
    // Chart text is drawn through the embedded fonts: the legend of each chart.
    assertTrue(text.contains("Fugl-Meyer"), text);
    assertTrue(text.contains("home"), text);
  }
}
