package org.recoveryreview.cli;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.jspecify.annotations.Nullable;
import org.recoveryreview.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows rendering progress: a progress bar with count, rate and time left when attached to a
 * terminal, otherwise a log line every 10% or 30 seconds (cron and systemd capture those).
 */
final class ConsoleProgress {
  private ConsoleProgress() {}

  static ProgressListener create(boolean quiet) {
    if (quiet) {
      return ProgressListener.NONE;
    }
    return System.console() != null ? new Bar() : new Lines();
  }

  /** The interactive bar on stderr. */
  private static final class Bar implements ProgressListener {
    private @Nullable ProgressBar bar;

    @Override
    public synchronized void start(long total) {
      bar =
          new ProgressBarBuilder()
              .setTaskName("Rendering")
              .setInitialMax(total)
              .setStyle(ProgressBarStyle.ASCII)
              .setConsumer(new ConsoleProgressBarConsumer(System.err))
              .setUnit(" reports", 1)
              .showSpeed()
              .build();
    }

    @Override
    public void step() {
      ProgressBar b = bar;
      if (b != null) {
        b.step();
      }
    }

    @Override
    public synchronized void finish() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }

  /** Log lines for non-interactive runs. */
  private static final class Lines implements ProgressListener {
    private static final Logger LOG = LoggerFactory.getLogger("progress");
    private final AtomicLong done = new AtomicLong();
    private volatile long total;
    private volatile long started;
    private volatile long lastLogged;
    private volatile long lastDecile;

    @Override
    public void start(long total) {
      this.total = total;
      this.started = System.nanoTime();
      this.lastLogged = started;
      this.lastDecile = 0;
      done.set(0);
    }

    @Override
    public void step() {
      long n = done.incrementAndGet();
      long now = System.nanoTime();
      long decile = total == 0 ? 10 : n * 10 / total;
      boolean due = decile > lastDecile || now - lastLogged > 30_000_000_000L;
      if (due) {
        synchronized (this) {
          if (decile > lastDecile || now - lastLogged > 30_000_000_000L) {
            lastDecile = Math.max(lastDecile, decile);
            lastLogged = now;
            double secs = (now - started) / 1e9;
            double rate = secs > 0 ? n / secs : 0;
            long left = rate > 0 ? Math.round((total - n) / rate) : 0;
            LOG.info(
                "Rendered {} of {} reports ({}%), {} per second, about {} s left.",
                n,
                total,
                total == 0 ? 100 : n * 100 / total,
                String.format(Locale.ROOT, "%.1f", rate),
                left);
          }
        }
      }
    }

    @Override
    public void finish() {}
  }
}
