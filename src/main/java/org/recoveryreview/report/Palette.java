package org.recoveryreview.report;

import java.awt.Color;
import org.recoveryreview.model.AdherenceBand;

/**
 * Colours of the reports: the Okabe-Ito palette (safe for the common colour-vision deficiencies)
 * for data, calm greys for text and rules. All opaque, as PDF/A-1 forbids transparency.
 */
final class Palette {
  private Palette() {}

  static final Color BLUE = new Color(0x00, 0x72, 0xB2);
  static final Color SKY = new Color(0x56, 0xB4, 0xE9);
  static final Color GREEN = new Color(0x00, 0x9E, 0x73);
  static final Color ORANGE = new Color(0xE6, 0x9F, 0x00);
  static final Color VERMILLION = new Color(0xD5, 0x5E, 0x00);
  static final Color PURPLE = new Color(0xCC, 0x79, 0xA7);
  static final Color YELLOW = new Color(0xF0, 0xE4, 0x42);
  static final Color BLACK = new Color(0x22, 0x22, 0x22);

  /** Series colours in order; the first ones are the most distinct. */
  static final Color[] SERIES = {BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW, BLACK};

  /**
   * Twelve therapy colours: Okabe-Ito's eight, then four dark ones from Paul Tol's "muted" scheme
   * (indigo, olive, wine, teal) that stay apart from them under the common colour-vision
   * deficiencies.
   */
  static final Color[] THERAPIES = {
    BLUE,
    ORANGE,
    GREEN,
    VERMILLION,
    SKY,
    PURPLE,
    YELLOW,
    BLACK,
    new Color(0x33, 0x22, 0x88),
    new Color(0x99, 0x99, 0x33),
    new Color(0x88, 0x22, 0x55),
    new Color(0x44, 0xAA, 0x99),
  };

  static final Color TEXT = new Color(0x1F, 0x29, 0x33);
  static final Color MUTED = new Color(0x5F, 0x6B, 0x76);
  static final Color ACCENT = new Color(0x0B, 0x4F, 0x7C);
  static final Color RULE = new Color(0xC9, 0xD1, 0xD9);
  static final Color GRID = new Color(0xE1, 0xE6, 0xEB);
  static final Color HEAD_BG = new Color(0xEE, 0xF2, 0xF6);
  static final Color ZEBRA = new Color(0xF7, 0xF9, 0xFB);

  /** The review period's shading in charts, light enough to sit behind every series colour. */
  static final Color PERIOD = new Color(0xE4, 0xEE, 0xF7);

  /** Weeks outside the programme (before its start): neutral, distinct from the period's blue. */
  static final Color OUTSIDE = new Color(0xE6, 0xE6, 0xE6);

  /** A week with sessions due and none done: the zero marker and its label. */
  static final Color ZERO = new Color(0xC0, 0x39, 0x2B);

  /** The minimal detectable change band around the first FMA total: a pale, warm neutral. */
  static final Color MDC = new Color(0xF3, 0xEC, 0xDC);

  static final Color TARGET = new Color(0x44, 0x44, 0x44);
  static final Color FLAG_BG = new Color(0xFD, 0xF3, 0xE4);
  static final Color FLAG_RULE = new Color(0xE6, 0x9F, 0x00);
  static final Color NO_DATA = new Color(0x9A, 0xA5, 0xB1);

  static Color band(AdherenceBand band) {
    return switch (band) {
      case ADHERENT -> GREEN;
      case PARTIAL -> ORANGE;
      case LOW -> VERMILLION;
      case NO_DATA -> NO_DATA;
    };
  }

  /** A light, opaque tint of a colour, for table cells that carry a band. */
  static Color tint(Color c, float amount) {
    return new Color(
        Math.round(255 - (255 - c.getRed()) * amount),
        Math.round(255 - (255 - c.getGreen()) * amount),
        Math.round(255 - (255 - c.getBlue()) * amount));
  }
}
