package org.recoveryreview.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class DatasetTest {
  private static final ReviewPeriod SEPTEMBER = new ReviewPeriod(YearMonth.of(2026, 9));

  private static Dataset withAssessmentOn(LocalDate date) {
    Assessment a =
        new Assessment(
            "P001",
            date,
            Optional.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            OptionalInt.empty(),
            org.recoveryreview.model.AratParts.NONE);
    return new Dataset(List.of(), List.of(), List.of(a), List.of(), List.of());
  }

  @Test
  void dataAsOf_pastPeriodWithLaterRows_isThePeriodsEnd() {
    Dataset d = withAssessmentOn(LocalDate.of(2026, 10, 31));

    assertEquals(LocalDate.of(2026, 9, 30), d.dataAsOf(SEPTEMBER));
  }

  @Test
  void dataAsOf_rowsEndingInsideThePeriod_isTheLastRowDate() {
    Dataset d = withAssessmentOn(LocalDate.of(2026, 9, 17));

    assertEquals(LocalDate.of(2026, 9, 17), d.dataAsOf(SEPTEMBER));
  }

  @Test
  void dataAsOf_noRows_isThePeriodsEnd() {
    assertEquals(LocalDate.of(2026, 9, 30), Dataset.empty().dataAsOf(SEPTEMBER));
  }

  @Test
  void fontFileParse_faceSuffix_splitOffTheFile() {
    FontFile f = FontFile.parse("/fonts/NotoSansCJK-Regular.ttc,2");

    assertEquals(Path.of("/fonts/NotoSansCJK-Regular.ttc"), f.file());
    assertEquals(OptionalInt.of(2), f.face());
    assertEquals("/fonts/NotoSansCJK-Regular.ttc,2", f.toString());
  }

  @Test
  void fontFileParse_noSuffixOrCommaInName_keepsTheWholePath() {
    assertEquals(OptionalInt.empty(), FontFile.parse("/fonts/a,b.ttf").face());
    assertEquals(Path.of("/fonts/a,b.ttf"), FontFile.parse("/fonts/a,b.ttf").file());
  }
}
