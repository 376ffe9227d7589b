package org.recoveryreview.report;

import java.util.List;

/**
 * What rendering one document produced besides its bytes: its page count and a warning for every
 * character no available font could draw (shown in the data-quality section, never dropped
 * silently).
 */
public record RenderOutcome(int pages, List<String> glyphWarnings) {

  public RenderOutcome {
    glyphWarnings = List.copyOf(glyphWarnings);
  }
}
