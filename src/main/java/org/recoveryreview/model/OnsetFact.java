package org.recoveryreview.model;

/**
 * One patient's fact behind the stage onset medians: for a target Brunnstrom stage of a scale,
 * either that the patient was first seen below it ({@code reached} false, {@code days} 0), or the
 * days from onset at which they first reached it ({@code reached} true). Facts of disjoint sets of
 * patients concatenate, so a merge computes exactly a single run's medians from its shards'.
 */
public record OnsetFact(BrunnstromScale scale, int target, boolean reached, int days) {}
