package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.FileKind;

class SchemaTest {
  @Test
  void allBut_twoSessionColumns_restInContractOrder() {
    assertEquals(
        List.of(
            "session_id", "patient_id", "date", "setting", "therapy", "status", "planned_minutes"),
        Schema.allBut(FileKind.SESSIONS, "actual_minutes", "therapist"));
  }

  @Test
  void required_sessions_missingOnlyWhenARequiredColumnIsAbsent() {
    int[] index =
        Schema.SESSIONS.map(List.of("session_id", "patient_id", "date"), java.util.Map.of());
    assertEquals(
        List.of("setting", "therapy", "status", "planned_minutes"), Schema.SESSIONS.missing(index));
  }
}
