package org.recoveryreview.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * One cell of a roll-up fact table, summed over the patients of a run: a pair of groups (clinic and
 * therapist, or therapy and setting), a month ({@code YYYY-MM}), the seven adherence counts in
 * {@link Adherence} field order, and the patient-count columns (one for clinic × therapist; therapy
 * then setting for therapy × setting). Cells of disjoint sets of patients add up to the cells of
 * their union, which is how a merge rebuilds a single run's roll-ups from its shards.
 */
public record FactCell(String first, String second, String month, long[] counts, long[] patients) {
  public FactCell {
    counts = counts.clone();
    patients = patients.clone();
  }

  @Override
  public long[] counts() {
    return counts.clone();
  }

  @Override
  public long[] patients() {
    return patients.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof FactCell c
        && first.equals(c.first)
        && second.equals(c.second)
        && month.equals(c.month)
        && Arrays.equals(counts, c.counts)
        && Arrays.equals(patients, c.patients);
  }

  @Override
  public int hashCode() {
    return Objects.hash(first, second, month, Arrays.hashCode(counts), Arrays.hashCode(patients));
  }

  @Override
  public String toString() {
    return first + "/" + second + "/" + month + Arrays.toString(counts) + Arrays.toString(patients);
  }
}
