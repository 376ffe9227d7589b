package org.recoveryreview.model;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The programme summary's headline figures of one review period, computed the same way for the
 * period and for the month before it so that the summary can show the change: patients in review,
 * their summed adherence, patients per band, per flag and per follow-up tier, and the period counts
 * (tiers, Fugl-Meyer MCID reached, cancellations, imputed minutes) of the programme and of each
 * clinic (by clinic name, alphabetical).
 */
public record ProgramHeadline(
    ReviewPeriod period,
    int patientsInReview,
    Adherence overall,
    Map<AdherenceBand, Integer> patientsPerBand,
    Map<Flag, Integer> patientsPerFlag,
    Map<FollowUpTier, Integer> patientsPerTier,
    PeriodGroupCounts programme,
    SortedMap<String, PeriodGroupCounts> clinics) {

  public ProgramHeadline {
    patientsPerBand = inOrder(AdherenceBand.class, patientsPerBand);
    patientsPerFlag = inOrder(Flag.class, patientsPerFlag);
    patientsPerTier = inOrder(FollowUpTier.class, patientsPerTier);
    clinics = Collections.unmodifiableSortedMap(new TreeMap<>(clinics));
  }

  /** An unmodifiable copy iterated in enum order, so that its text form is reproducible. */
  private static <K extends Enum<K>> Map<K, Integer> inOrder(Class<K> type, Map<K, Integer> m) {
    EnumMap<K, Integer> copy = new EnumMap<>(type);
    copy.putAll(m);
    return Collections.unmodifiableMap(copy);
  }

  /** A headline with no patient in review (all zero, no rates). */
  public static ProgramHeadline empty(ReviewPeriod period) {
    return new ProgramHeadline(
        period,
        0,
        Adherence.NONE,
        Map.of(),
        Map.of(),
        Map.of(),
        PeriodGroupCounts.NONE,
        new TreeMap<>());
  }

  /** Patients in {@code band}, 0 when none. */
  public int band(AdherenceBand band) {
    return patientsPerBand.getOrDefault(band, 0);
  }

  /** Patients carrying {@code flag}, 0 when none. */
  public int flag(Flag flag) {
    return patientsPerFlag.getOrDefault(flag, 0);
  }

  /** Patients in {@code tier}, 0 when none. */
  public int tier(FollowUpTier tier) {
    return patientsPerTier.getOrDefault(tier, 0);
  }

  /** The period counts of {@code clinic}, all zero when it had no patient in review. */
  public PeriodGroupCounts clinic(String clinic) {
    return clinics.getOrDefault(clinic, PeriodGroupCounts.NONE);
  }
}
