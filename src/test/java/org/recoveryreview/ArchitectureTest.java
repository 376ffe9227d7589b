package org.recoveryreview;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.security.MessageDigest;
import java.text.DecimalFormat;
import java.time.temporal.IsoFields;
import java.time.temporal.WeekFields;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keeps data flowing one way and each library inside its stage. */
class ArchitectureTest {
  private static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.recoveryreview");
  }

  @Test
  void stages_dependOnlyDownstreamAndOnModel() {
    layeredArchitecture()
        .consideringOnlyDependenciesInLayers()
        .layer("cli")
        .definedBy("org.recoveryreview.cli..")
        .layer("job")
        .definedBy("org.recoveryreview")
        .layer("config")
        .definedBy("org.recoveryreview.config..")
        .layer("generate")
        .definedBy("org.recoveryreview.generate..")
        .layer("ingest")
        .definedBy("org.recoveryreview.ingest..")
        .layer("analysis")
        .definedBy("org.recoveryreview.analysis..")
        .layer("report")
        .definedBy("org.recoveryreview.report..")
        .layer("shard")
        .definedBy("org.recoveryreview.shard..")
        .layer("publish")
        .definedBy("org.recoveryreview.publish..")
        .layer("concurrent")
        .definedBy("org.recoveryreview.concurrent..")
        .layer("model")
        .definedBy("org.recoveryreview.model..")
        .whereLayer("cli")
        .mayNotBeAccessedByAnyLayer()
        .whereLayer("job")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("config")
        .mayOnlyBeAccessedByLayers("cli", "job")
        .whereLayer("generate")
        .mayOnlyBeAccessedByLayers("cli")
        .whereLayer("ingest")
        .mayOnlyBeAccessedByLayers("job")
        .whereLayer("analysis")
        .mayOnlyBeAccessedByLayers("job")
        .whereLayer("report")
        .mayOnlyBeAccessedByLayers("job")
        // Shards sit between the job and publish: the job runs a shard and the merge, the shard
        // package writes and reads shard folders through publish; the command line parses --shard.
        .whereLayer("shard")
        .mayOnlyBeAccessedByLayers("cli", "job")
        .whereLayer("publish")
        .mayOnlyBeAccessedByLayers("job", "shard")
        // Thread pools serve the stages that work lists in parallel (publish hashes the files
        // written); model stays values only.
        .whereLayer("concurrent")
        .mayOnlyBeAccessedByLayers("job", "ingest", "analysis", "report", "publish")
        .check(classes);
  }

  /**
   * Everything about shards lives in one package: no other stage names a shard type (ingest is
   * given a predicate of the patients to keep, publish a folder name).
   */
  @Test
  void shardTypes_onlyUsedByJobCliAndShard() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "org.recoveryreview.ingest..",
            "org.recoveryreview.analysis..",
            "org.recoveryreview.report..",
            "org.recoveryreview.publish..",
            "org.recoveryreview.model..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.recoveryreview.shard..")
        .check(classes);
  }

  /**
   * publish has one entry type, like ingest: {@code Publisher}, plus the types it hands out or
   * takes (staging folders, the held lock and stop guard, what the manifest records, the file
   * operations seam); every other class is package-private.
   */
  @Test
  void publish_onlyTheFacadeAndItsTypesArePublic() {
    Set<String> publicTypes = new TreeSet<>();
    for (JavaClass c : classes) {
      if (c.getPackageName().equals("org.recoveryreview.publish")
          && c.isTopLevelClass()
          && c.getModifiers().contains(JavaModifier.PUBLIC)) {
        publicTypes.add(c.getSimpleName());
      }
    }
    assertEquals(
        new TreeSet<>(
            List.of(
                "Publisher",
                "PeriodFolder",
                "SelectiveUpdate",
                "OutputLock",
                "StopGuard",
                "RunInfo",
                "FileOps")),
        publicTypes);
    // The types it hands out are made through the facade only: no public static method.
    Set<String> factories = new TreeSet<>();
    for (JavaClass c : classes) {
      if (c.getPackageName().equals("org.recoveryreview.publish")
          && publicTypes.contains(c.getSimpleName())
          && !List.of("Publisher", "FileOps").contains(c.getSimpleName())) {
        c.getMethods().stream()
            .filter(
                m -> m.getModifiers().containsAll(Set.of(JavaModifier.PUBLIC, JavaModifier.STATIC)))
            .forEach(m -> factories.add(c.getSimpleName() + "." + m.getName()));
      }
    }
    assertEquals(Set.of(), factories);
  }

  @Test
  void model_dependsOnNoLibrary() {
    noClasses()
        .that()
        .resideInAPackage("org.recoveryreview.model..")
        .should()
        .dependOnClassesThat()
        .resideOutsideOfPackages("org.recoveryreview.model..", "java..")
        .check(classes);
  }

  @Test
  void tablesaw_onlyInAnalysis() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.recoveryreview.analysis..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("tech.tablesaw..")
        .check(classes);
  }

  /**
   * Tablesaw must stay the aggregation engine, not a token dependency: the analysis classes that
   * own the fact tables work on {@code Table}, and between them they call the operations
   * docs/metrics.md names (where, summarize...by, countBy, xTabCounts, sortOn, lag).
   */
  @Test
  void analysis_aggregatesWithTablesawTable() {
    classes()
        .that()
        .haveSimpleName("Aggregates")
        .or()
        .haveSimpleName("AssessmentFacts")
        .or()
        .haveSimpleName("ProgramFigures")
        .or()
        .haveSimpleName("PatientMonth")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName("tech.tablesaw.api.Table")
        .check(classes);
    Set<String> called = new TreeSet<>();
    for (JavaClass c : classes) {
      if (c.getPackageName().equals("org.recoveryreview.analysis")) {
        for (JavaMethodCall call : c.getMethodCallsFromSelf()) {
          String owner = call.getTargetOwner().getName();
          if (owner.startsWith("tech.tablesaw.")) {
            called.add(call.getTarget().getName());
          }
        }
      }
    }
    for (String op :
        List.of("where", "summarize", "by", "countBy", "xTabCounts", "sortOn", "lag")) {
      assertTrue(called.contains(op), "analysis no longer calls Tablesaw's " + op + ": " + called);
    }
  }

  @Test
  void pdfAndCharts_onlyInReport() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.recoveryreview.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.lowagie..", "org.jfree..")
        .check(classes);
  }

  @Test
  void icu_onlyInReport() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.recoveryreview.report..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("com.ibm.icu..")
        .check(classes);
  }

  @Test
  void commonsCsv_onlyWhereFilesAreReadOrWritten() {
    noClasses()
        .that()
        .resideOutsideOfPackages(
            "org.recoveryreview.ingest..",
            "org.recoveryreview.publish..",
            "org.recoveryreview.generate..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.commons.csv..")
        .check(classes);
  }

  @Test
  void yamlAndJson_onlyInConfigPublishAndShard() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.recoveryreview.config..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.yaml..")
        .check(classes);
    noClasses()
        .that()
        .resideOutsideOfPackages("org.recoveryreview.publish..", "org.recoveryreview.shard..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.fasterxml..")
        .check(classes);
  }

  @Test
  void picocliAndProgressBar_onlyInCli() {
    noClasses()
        .that()
        .resideOutsideOfPackage("org.recoveryreview.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("picocli..", "me.tongfei..")
        .check(classes);
  }

  @Test
  void defaultThreadCount_workedOutOnlyByParallel() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.recoveryreview.concurrent.Parallel")
        .should()
        .callMethod(Runtime.class, "availableProcessors")
        .check(classes);
  }

  @Test
  void messageDigest_createdOnlyByHashing() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.recoveryreview.model.Hashing")
        .should()
        .callMethod(MessageDigest.class, "getInstance", String.class)
        .check(classes);
  }

  @Test
  void isoWeeks_workedOutOnlyByIsoWeek() {
    noClasses()
        .that()
        .doNotHaveFullyQualifiedName("org.recoveryreview.model.IsoWeek")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(IsoFields.class.getName())
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName(WeekFields.class.getName())
        .check(classes);
  }

  @Test
  void decimalFormat_onlyForChartAxes() {
    // Text and CSV numbers go through model.Evidence; JFreeChart's tick labels need a NumberFormat.
    noClasses()
        .that()
        .haveNameNotMatching("org\\.recoveryreview\\.report\\.(ChartKit|ProgramCharts)(\\$.*)?")
        .should()
        .dependOnClassesThat()
        .haveFullyQualifiedName(DecimalFormat.class.getName())
        .check(classes);
  }
}
