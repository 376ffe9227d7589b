package org.recoveryreview.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.DataIssue;
import org.recoveryreview.model.FileKind;
import org.recoveryreview.model.IssueAction;

class LedgerTest {
  @Test
  void duplicate_rowOfALaterFile_namesTheKeptRowAndCountsAsDuplicate() {
    Ledger ledger = new Ledger();
    int first = ledger.addFile("patients-a.csv", FileKind.PATIENTS);
    int second = ledger.addFile("patients-b.csv", FileKind.PATIENTS);

    ledger.duplicate(second, 7, "P001", first, 3);

    assertEquals(
        List.of(
            new DataIssue(
                "patients-b.csv",
                7,
                FileKind.PATIENTS,
                "P001",
                "",
                "",
                IssueAction.DUPLICATE,
                "same values as patients-a.csv line 3; the repeat is dropped",
                "duplicate row")),
        ledger.issues());
  }
}
