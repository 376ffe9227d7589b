package org.recoveryreview.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.recoveryreview.model.Session;

/**
 * The sessions grouped by patient index with a counting sort (linear, no per-row objects), and a
 * dense index per therapy code, so that every per-patient figure is one pass over contiguous rows.
 */
final class SessionGroups {
  final List<Session> sessions;

  /** Session positions ordered by patient index, input order within a patient. */
  final int[] order;

  /** {@code order[start[p]] .. order[start[p + 1] - 1]} are patient p's sessions. */
  final int[] start;

  /** Therapy index per session position (valid for kept sessions only). */
  final short[] therapyOf;

  /** Epoch day per session position, computed once: LocalDate.toEpochDay is not free. */
  final int[] epochOf;

  final List<String> therapies;
  final int unknownPatientRows;

  private SessionGroups(
      List<Session> sessions,
      int[] order,
      int[] start,
      short[] therapyOf,
      int[] epochOf,
      List<String> therapies,
      int unknown) {
    this.sessions = sessions;
    this.order = order;
    this.start = start;
    this.therapyOf = therapyOf;
    this.epochOf = epochOf;
    this.therapies = therapies;
    this.unknownPatientRows = unknown;
  }

  static SessionGroups build(List<Session> sessions, PatientIndex index) {
    int n = sessions.size();
    int[] patientOf = new int[n];
    short[] therapyOf = new short[n];
    int[] epochOf = new int[n];
    int[] count = new int[index.size() + 1];
    Map<String, Integer> therapyIdx = new HashMap<>();
    List<String> therapies = new ArrayList<>();
    // Exports list a patient's rows together, so remembering the last id skips most lookups.
    String lastId = null;
    int lastIdx = -1;
    String lastTherapy = null;
    int lastT = -1;
    int unknown = 0;
    for (int i = 0; i < n; i++) {
      Session s = sessions.get(i);
      String id = s.patientId();
      int p;
      if (id == lastId || id.equals(lastId)) {
        p = lastIdx;
      } else {
        p = index.indexOf(id);
        lastId = id;
        lastIdx = p;
      }
      patientOf[i] = p;
      if (p < 0 || s.status().isIgnored()) {
        patientOf[i] = -1;
        if (p < 0) {
          unknown++;
        }
        continue;
      }
      count[p + 1]++;
      epochOf[i] = (int) s.date().toEpochDay();
      String t = s.therapy();
      if (t != lastTherapy && !t.equals(lastTherapy)) {
        Integer ti = therapyIdx.get(t);
        if (ti == null) {
          ti = therapies.size();
          therapyIdx.put(t, ti);
          therapies.add(t);
        }
        lastTherapy = t;
        lastT = ti;
      }
      therapyOf[i] = (short) lastT;
    }
    if (therapies.size() > Short.MAX_VALUE) {
      throw new IllegalStateException("more than 32767 therapy codes");
    }
    for (int p = 0; p < index.size(); p++) {
      count[p + 1] += count[p];
    }
    int[] start = count.clone();
    int[] order = patientOrder(patientOf, count, start[index.size()]);
    return new SessionGroups(
        sessions, order, start, therapyOf, epochOf, List.copyOf(therapies), unknown);
  }

  /**
   * The session indices grouped by patient, in list order within each patient (a counting sort):
   * {@code next[p]} is where patient {@code p}'s sessions start, and is used up.
   */
  private static int[] patientOrder(int[] patientOf, int[] next, int size) {
    int[] order = new int[size];
    for (int i = 0; i < patientOf.length; i++) {
      int p = patientOf[i];
      if (p >= 0) {
        order[next[p]++] = i;
      }
    }
    return order;
  }
}
