package org.recoveryreview.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.recoveryreview.model.Patient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The patients a run looks at (after the --patient filter), sorted by patient_id so that a
 * patient's index is also its output position, with dense indices for clinic and therapist.
 */
final class PatientIndex {
  private static final Logger LOG = LoggerFactory.getLogger(PatientIndex.class);

  final List<Patient> patients;
  final int[] clinic;
  final int[] therapist;
  final List<String> clinics;
  final List<String> therapists;
  private final Map<String, Integer> byId;

  private PatientIndex(List<Patient> sorted) {
    this.patients = sorted;
    this.byId = new HashMap<>(sorted.size() * 2);
    this.clinic = new int[sorted.size()];
    this.therapist = new int[sorted.size()];
    this.clinics = distinctSorted(sorted, true);
    this.therapists = distinctSorted(sorted, false);
    Map<String, Integer> clinicIdx = indexOf(clinics);
    Map<String, Integer> therapistIdx = indexOf(therapists);
    for (int i = 0; i < sorted.size(); i++) {
      Patient p = sorted.get(i);
      byId.put(p.patientId(), i);
      clinic[i] = Objects.requireNonNull(clinicIdx.get(p.clinic()), "clinics lists every clinic");
      therapist[i] =
          Objects.requireNonNull(
              therapistIdx.get(p.therapist()), "therapists lists every therapist");
    }
  }

  static PatientIndex build(List<Patient> all, Set<String> filter) {
    List<Patient> kept = new ArrayList<>(filter.isEmpty() ? all.size() : filter.size());
    Set<String> seen = new TreeSet<>();
    for (Patient p : all) {
      if (filter.isEmpty() || filter.contains(p.patientId())) {
        // Ingestion deduplicates patients; keep the first defensively so indices stay unique.
        if (seen.add(p.patientId())) {
          kept.add(p);
        }
      }
    }
    if (!filter.isEmpty()) {
      Set<String> unknown = new TreeSet<>(filter);
      unknown.removeAll(seen);
      if (!unknown.isEmpty()) {
        LOG.warn("--patient names patients not in the patients file: {}", unknown);
      }
    }
    kept.sort(Comparator.comparing(Patient::patientId));
    return new PatientIndex(List.copyOf(kept));
  }

  int size() {
    return patients.size();
  }

  /** The index of a patient, or -1 when the patient is unknown or filtered out. */
  int indexOf(String patientId) {
    Integer i = byId.get(patientId);
    return i == null ? -1 : i;
  }

  private static List<String> distinctSorted(List<Patient> ps, boolean clinic) {
    TreeSet<String> s = new TreeSet<>();
    for (Patient p : ps) {
      s.add(clinic ? p.clinic() : p.therapist());
    }
    return List.copyOf(s);
  }

  private static Map<String, Integer> indexOf(List<String> names) {
    Map<String, Integer> m = new HashMap<>(names.size() * 2);
    for (int i = 0; i < names.size(); i++) {
      m.put(names.get(i), i);
    }
    return m;
  }
}
