package org.recoveryreview.report;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The random source OpenPDF draws font subset tags ("ABCDEF+DejaVuSans") from. Without one, every
 * font of every document seeds a new {@link SecureRandom} and draws six doubles from it, about 1%
 * of review rendering; the tags are rewritten from the content by {@link Reproducible} anyway, so
 * they need to differ within a document, not to be unpredictable.
 */
final class SubsetTags extends SecureRandom {
  private static final long serialVersionUID = 1L;

  /** Shared by all fonts and threads: draws from the calling thread's own generator. */
  static final SecureRandom RANDOM = new SubsetTags();

  private SubsetTags() {}

  /** The only draw OpenPDF 2.0.5 makes ({@code BaseFont.createSubsetPrefix}). */
  @Override
  public double nextDouble() {
    return ThreadLocalRandom.current().nextDouble();
  }
}
