package org.recoveryreview;

/**
 * Receives rendering progress so the command line can show a bar or log lines; calls may come from
 * any thread.
 */
public interface ProgressListener {
  /** Rendering of {@code total} documents starts. */
  void start(long total);

  /** One more document is written. */
  void step();

  /** Rendering is over (successfully or not). */
  void finish();

  /** A listener that shows nothing. */
  ProgressListener NONE =
      new ProgressListener() {
        @Override
        public void start(long total) {}

        @Override
        public void step() {}

        @Override
        public void finish() {}
      };
}
