package org.recoveryreview.publish;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.recoveryreview.model.Hashing;

/**
 * The names of everything inside a period folder, the patient PDF's name included: the one owner of
 * these paths, so no other stage can write a file the manifest or the clean-up does not expect.
 */
final class OutputPaths {
  /** Patient metrics CSV. */
  public static final String PATIENT_METRICS = "patient-metrics.csv";

  /** Programme metrics CSV. */
  public static final String PROGRAM_METRICS = "program-metrics.csv";

  /** Every row set aside, with the reason. */
  public static final String DATA_ISSUES = "data-issues.csv";

  /** The programme summary PDF. */
  public static final String PROGRAM_SUMMARY = "program-summary.pdf";

  /** Folder of patient PDFs. */
  public static final String PATIENTS_DIR = "patients";

  /** Folder of the family handouts. */
  public static final String HANDOUTS_DIR = "handouts";

  /** Folder of the therapist bundles. */
  public static final String THERAPISTS_DIR = "therapists";

  private static final int MAX_SAFE_NAME = 60;

  private OutputPaths() {}

  /** The patient's PDF relative to the period folder, e.g. {@code patients/P0042.pdf}. */
  public static String patientPdf(String patientId) {
    return PATIENTS_DIR + "/" + fileName(patientId) + ".pdf";
  }

  /** The patient's family handout relative to the period folder. */
  public static String handoutPdf(String patientId) {
    return HANDOUTS_DIR + "/" + fileName(patientId) + ".pdf";
  }

  /**
   * therapists/ plus the safe file name of the therapist's name; a name with no ASCII letters
   * (Greek, Chinese) would be all underscores, so runs of underscores are collapsed and an empty
   * safe part becomes "therapist" (the hash keeps names apart).
   */
  public static String bundlePdf(String therapist) {
    String name = fileName(therapist);
    int hash = name.lastIndexOf('~');
    if (hash >= 0) {
      String safe = name.substring(0, hash).replaceAll("_+", "_").replaceAll("^_|_$", "");
      name = (safe.isEmpty() ? "therapist" : safe) + name.substring(hash);
    }
    return THERAPISTS_DIR + "/" + name + ".pdf";
  }

  /**
   * The PDF file name for a patient id, without ".pdf": the id itself when it holds only ASCII
   * letters, digits, '.', '_' and '-' and does not start with '.', otherwise a safe form plus '~'
   * and the first 8 hex digits of the id's SHA-256, so no id can leave the folder, collide, or look
   * like the hidden temporary files the job writes and deletes.
   */
  static String fileName(String patientId) {
    if (isPlain(patientId)) {
      return patientId;
    }
    StringBuilder safe = new StringBuilder();
    for (int i = 0; i < patientId.length() && safe.length() < MAX_SAFE_NAME; i++) {
      char c = patientId.charAt(i);
      safe.append(isPlainChar(c) && c != '.' ? c : '_');
    }
    // '~' never occurs in a plain id, so a hashed name cannot equal any plain one.
    return safe + "~" + shortHash(patientId);
  }

  private static boolean isPlain(String id) {
    // A leading '.' would hide the file and match the temporary-file pattern the clean-up deletes.
    if (id.isEmpty() || id.startsWith(".") || id.length() > MAX_SAFE_NAME * 2) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      if (!isPlainChar(id.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** ASCII only: non-ASCII letters are normalised differently by file systems (NFC vs NFD). */
  private static boolean isPlainChar(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '.'
        || c == '_'
        || c == '-';
  }

  private static String shortHash(String id) {
    byte[] d = Hashing.sha256(id.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d, 0, 4);
  }
}
