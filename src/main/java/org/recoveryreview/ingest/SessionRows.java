package org.recoveryreview.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.recoveryreview.model.InputLimits;
import org.recoveryreview.model.IssueAction;
import org.recoveryreview.model.Patient;
import org.recoveryreview.model.Session;
import org.recoveryreview.model.Setting;
import org.recoveryreview.model.Status;

/** Checks sessions rows; repeated session_ids are resolved afterwards by {@link Latest}. */
final class SessionRows extends RowRules implements RowChecker<Session> {
  private static final int SESSION_ID = 0;
  private static final int PATIENT_ID = 1;
  private static final int DATE = 2;
  private static final int SETTING = 3;
  private static final int THERAPY = 4;
  private static final int STATUS = 5;
  private static final int PLANNED_MINUTES = 6;
  private static final int ACTUAL_MINUTES = 7;
  private static final int THERAPIST = 8;
  static final int MAX_MINUTES = 720;

  private final PatientRows patients;

  /** A checker for one file; {@code patients} must be complete and is only read. */
  SessionRows(DateParser dates, Vocabulary vocabulary, InputLimits limits, PatientRows patients) {
    super(Schema.SESSIONS, dates, vocabulary, limits);
    this.patients = patients;
  }

  @Override
  public String key(Session s) {
    return s.sessionId();
  }

  @Override
  public String rejectedKey(CsvFile.Row row) {
    return row.get(SESSION_ID);
  }

  @Override
  public Session check(CsvFile.Row row) throws Reject {
    checkWidth(row);
    String id = required(row, SESSION_ID);
    String patientId = knownPatient(this, patients, row, PATIENT_ID);
    LocalDate date = requiredDate(row, DATE);
    Setting setting = setting(row);
    String therapy = therapy(row);
    String statusText = required(row, STATUS);
    Status status = status(statusText);
    if (!status.isIgnored()) {
      // A scheduled session may lie ahead; one with an outcome cannot.
      notInFuture(
          row,
          DATE,
          date,
          "correct the date in the export (a mistyped year?), or give a session that is still to"
              + " come the status scheduled");
    }
    int planned = requiredInt(row, PLANNED_MINUTES, 0, MAX_MINUTES);
    OptionalInt actual = optionalInt(row, ACTUAL_MINUTES, 0, MAX_MINUTES);
    if (status == Status.PARTIAL && actual.isEmpty()) {
      throw new Reject(
          "actual_minutes",
          "",
          "partial without actual_minutes",
          "status '"
              + statusText
              + "' means partial, but actual_minutes is blank; expected the minutes actually"
              + " done, 0 to "
              + MAX_MINUTES);
    }
    Optional<String> therapist = vocabulary.text(row.get(THERAPIST));
    return new Session(id, patientId, date, setting, therapy, status, planned, actual, therapist);
  }

  /**
   * The patient_id of a kept patient (its shared string), or a rejection naming why the patient is
   * unknown; shared with assessments.
   */
  static String knownPatient(RowRules rules, PatientRows patients, CsvFile.Row row, int column)
      throws Reject {
    String v = rules.patientId(row, column);
    Patient p = patients.find(v);
    if (p == null) {
      throw new Reject(
          rules.name(column),
          v,
          "unknown patient",
          patients.wasRejected(v)
              ? "patient_id '"
                  + v
                  + "' has no usable row in the patients files (its row there"
                  + " was rejected); correct that row first"
              : "patient_id '"
                  + v
                  + "' is not in any patients file; expected the id of a listed"
                  + " patient");
    }
    return p.patientId();
  }

  private Setting setting(CsvFile.Row row) throws Reject {
    String v = required(row, SETTING);
    Optional<Setting> s = vocabulary.setting(v);
    if (s.isEmpty()) {
      throw new Reject(
          "setting",
          v,
          "unknown setting",
          "setting '" + v + "' is not a known setting; expected clinic, tele or home");
    }
    return s.get();
  }

  private String therapy(CsvFile.Row row) throws Reject {
    String v = required(row, THERAPY);
    String t = vocabulary.therapy(v);
    if (t.isEmpty()) {
      throw new Reject(
          "therapy",
          v,
          "invalid therapy",
          "therapy '" + v + "' has no letters or digits; expected the name of a therapy");
    }
    return t;
  }

  private Status status(String v) throws Reject {
    Optional<Status> s = vocabulary.status(v);
    if (s.isEmpty()) {
      throw new Reject(
          "status",
          v,
          "unknown status",
          "status '"
              + v
              + "' is not a known status or alias; expected completed, partial, missed,"
              + " late_cancel, cancelled, clinic_cancelled, scheduled or void (aliases in"
              + " docs/input-format.md; add more with "
              + Ingestor.CONFIG_STATUS_ALIASES
              + ")");
    }
    return s.get();
  }

  /**
   * The sessions kept, in first-seen order; the versions whose status is void or scheduled are
   * listed as ignored instead. Call once, after every file.
   */
  static List<Session> finish(Latest<Session> latest, Ledger ledger) {
    List<Session> used = new ArrayList<>(latest.size());
    for (int i = 0; i < latest.size(); i++) {
      Session s = latest.value(i);
      if (!latest.kept(i)) {
        continue;
      }
      if (s.status().isIgnored()) {
        boolean isVoid = s.status() == Status.VOID;
        ledger.add(
            latest.file(i),
            latest.line(i),
            latest.key(i),
            "status",
            s.status().code(),
            IssueAction.IGNORED,
            isVoid
                ? "status is void (entered in error or deleted); the session is kept out of"
                    + " every figure"
                : "status is scheduled (outcome not yet known); the session is kept out of every"
                    + " figure until a later export gives its outcome",
            isVoid ? "void status" : "scheduled status");
      } else {
        used.add(s);
      }
    }
    return used;
  }

  static List<String> changed(Session a, Session b) {
    List<String> c = new ArrayList<>();
    PatientRows.diff(c, "patient_id", a.patientId(), b.patientId());
    PatientRows.diff(c, "date", a.date(), b.date());
    PatientRows.diff(c, "setting", a.setting(), b.setting());
    PatientRows.diff(c, "therapy", a.therapy(), b.therapy());
    PatientRows.diff(c, "status", a.status(), b.status());
    PatientRows.diff(c, "planned_minutes", a.plannedMinutes(), b.plannedMinutes());
    PatientRows.diff(c, "actual_minutes", a.actualMinutes(), b.actualMinutes());
    PatientRows.diff(c, "therapist", a.therapist(), b.therapist());
    return c;
  }
}
