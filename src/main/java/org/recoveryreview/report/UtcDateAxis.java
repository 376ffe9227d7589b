package org.recoveryreview.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DateFormat;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickMarkPosition;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.Range;

/**
 * A date axis in UTC with English labels that is cheap to make and to lay out: each one is a clone
 * of a per-thread prototype, and its horizontal ticks are worked out once per thread for a given
 * range, unit and label format, then reused. Both were measurable in review rendering: {@link
 * DateAxis}'s constructor builds JFreeChart's standard tick units (about fifty date formats) that a
 * month axis never uses, and the four recovery charts of a review share one time axis whose ticks
 * each chart asked for twice (space reservation, then drawing), each time walking a {@link
 * java.util.Calendar} month by month.
 */
final class UtcDateAxis extends DateAxis {
  private static final long serialVersionUID = 1L;

  /** Per thread: a clone shares the prototype's tick units, whose date formats are not safe. */
  private static final ThreadLocal<UtcDateAxis> PROTOTYPE =
      ThreadLocal.withInitial(UtcDateAxis::new);

  /** The last ticks this thread computed and what they were computed from. */
  private static final ThreadLocal<Ticks> LAST = new ThreadLocal<>();

  /** Everything {@code refreshTicksHorizontal} reads, besides the default timeline. */
  private record Key(
      Range range,
      RectangleEdge edge,
      DateTickUnit unit,
      DateFormat format,
      boolean vertical,
      DateTickMarkPosition position,
      int minorTicks,
      TimeZone zone) {}

  private record Ticks(Key key, List<?> ticks) {}

  private UtcDateAxis() {
    super(null, TimeZone.getTimeZone("UTC"), Locale.ENGLISH);
  }

  /** A new axis, as {@code new DateAxis(label, UTC, Locale.ENGLISH)} would be. */
  static DateAxis create(String label) {
    try {
      DateAxis a = (DateAxis) PROTOTYPE.get().clone();
      a.setLabel(label);
      return a;
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("DateAxis is cloneable", e);
    }
  }

  /**
   * The ticks last computed on this thread when nothing they depend on differs: JFreeChart derives
   * horizontal date ticks from the key's parts alone (the graphics and area matter only for
   * automatic tick units, never reused here). Ticks are immutable and only read by the axis and
   * plot, so charts may share one list.
   */
  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public List refreshTicks(
      Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
    if (!RectangleEdge.isTopOrBottom(edge) || isAutoTickUnitSelection()) {
      return super.refreshTicks(g2, state, dataArea, edge);
    }
    Key key =
        new Key(
            getRange(),
            edge,
            getTickUnit(),
            getDateFormatOverride(),
            isVerticalTickLabels(),
            getTickMarkPosition(),
            getMinorTickCount(),
            getTimeZone());
    Ticks last = LAST.get();
    if (last != null && last.key().equals(key)) {
      // What the computation leaves behind besides the list: the tick label font on g2.
      g2.setFont(getTickLabelFont());
      return last.ticks();
    }
    List computed = Collections.unmodifiableList(super.refreshTicks(g2, state, dataArea, edge));
    LAST.set(new Ticks(key, computed));
    return computed;
  }
}
