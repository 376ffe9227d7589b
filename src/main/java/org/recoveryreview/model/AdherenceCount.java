package org.recoveryreview.model;

import java.util.List;
import java.util.function.ToLongFunction;

/**
 * The seven {@link Adherence} counts, each with its column name in the fact tables and CSVs, its
 * accessor and its slot in a {@code long[]} cell: the one place their order is decided, so that
 * reordering or renaming one cannot shift figures in another stage.
 */
public enum AdherenceCount {
  CLINIC_SCHEDULED("clinic_scheduled", Adherence::clinicScheduled),
  CLINIC_ATTENDED("clinic_attended", Adherence::clinicAttended),
  HOME_PRESCRIBED("home_prescribed", Adherence::homePrescribed),
  HOME_COMPLETED("home_completed", Adherence::homeCompleted),
  PLANNED_MINUTES("planned_minutes", Adherence::plannedMinutes),
  ACTUAL_MINUTES("actual_minutes", Adherence::actualMinutes),
  /** Sum of min(actual, planned) per session: a session never earns more dose than planned. */
  CREDITED_MINUTES("credited_minutes", Adherence::creditedMinutes);

  /** Slots per cell. */
  public static final int SLOTS = values().length;

  private static final List<AdherenceCount> ALL = List.of(values());

  private final String column;
  private final ToLongFunction<Adherence> accessor;

  AdherenceCount(String column, ToLongFunction<Adherence> accessor) {
    this.column = column;
    this.accessor = accessor;
  }

  /** Every count, in slot order. */
  public static List<AdherenceCount> all() {
    return ALL;
  }

  /** The column name in fact tables and CSVs. */
  public String column() {
    return column;
  }

  /** The offset of this count inside a cell of {@link #SLOTS} longs. */
  public int slot() {
    return ordinal();
  }

  /** This count of {@code a}. */
  public long of(Adherence a) {
    return accessor.applyAsLong(a);
  }

  /** The cell at offset {@code o} of {@code cells} as adherence, whatever it counted. */
  public static Adherence fromCell(long[] cells, int o) {
    return new Adherence(
        cells[o + CLINIC_SCHEDULED.slot()],
        cells[o + CLINIC_ATTENDED.slot()],
        cells[o + HOME_PRESCRIBED.slot()],
        cells[o + HOME_COMPLETED.slot()],
        cells[o + PLANNED_MINUTES.slot()],
        cells[o + ACTUAL_MINUTES.slot()],
        cells[o + CREDITED_MINUTES.slot()]);
  }
}
