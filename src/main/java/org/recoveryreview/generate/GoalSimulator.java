package org.recoveryreview.generate;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVPrinter;
import org.recoveryreview.model.FileKind;

/**
 * Writes the goals export: most patients agree 2-4 everyday goals (Goal Attainment Scaling) soon
 * after the programme starts, written in the patient's language, rated about every four weeks; most
 * patients improve over the reviews, some do not. In messy mode it adds the repeats, re-scored
 * reviews, aliases and invalid rows that real exports carry.
 */
final class GoalSimulator {
  static final String[] HEADER = FileKind.GOALS.columns().toArray(String[]::new);

  /** Purpose of the goals' random streams (see {@link Rng}). */
  private static final long PURPOSE = 0x676f616cL;

  private static final double SHARE_WITH_GOALS = 0.85;
  private static final double SHARE_IMPROVING = 0.75;
  private static final double SHARE_WEIGHTED = 0.6;

  /** A goal as a clinic writes it: domain, then the description in English and in Chinese. */
  private record Template(String domain, String en, String zh) {}

  private static final Template[] TEMPLATES = {
    new Template("dressing", "Put on a shirt with buttons without help", "自己穿上有扣子的衬衫"),
    new Template("dressing", "Put on socks and shoes while sitting", "坐着自己穿袜子和鞋"),
    new Template("eating", "Eat a whole meal with a fork and knife", "自己用筷子吃完一顿饭"),
    new Template("eating", "Drink from a cup with my weaker hand", "用力气小的那只手端杯子喝水"),
    new Template("cooking", "Make a cup of tea safely", "安全地泡一杯茶"),
    new Template("cooking", "Cut vegetables for a simple meal", "切菜，做一顿简单的饭"),
    new Template("grooming", "Brush my teeth on my own", "自己刷牙"),
    new Template("grooming", "Comb my hair with both hands", "用两只手梳头"),
    new Template("bathing", "Wash my upper body in the shower", "洗澡时自己洗上半身"),
    new Template("writing", "Write a short shopping list", "写一张简短的购物清单"),
    new Template("writing", "Sign my name on a form", "在表格上签自己的名字"),
    new Template("assistive_device", "Use the grab rail to get into the shower", "扶着扶手安全进出淋浴间"),
    new Template("assistive_device", "Open jars with a jar opener", "用开罐器打开罐子"),
    new Template("household", "Fold the laundry", "自己叠衣服"),
    new Template("work", "Type an email on the computer", "在电脑上打一封邮件"),
    new Template("leisure", "Play cards with my grandchildren", "和孙子孙女一起打牌"),
    new Template("leisure", "Water the plants in the garden", "给院子里的花浇水"),
  };

  /** Domain spellings real exports use, for messy mode. */
  private static final String[] DOMAIN_VARIANTS = {"Dressing", "meal prep", "穿衣", "Hobbies"};

  private final long seed;
  private final boolean messy;

  GoalSimulator(long seed, boolean messy) {
    this.seed = seed;
    this.messy = messy;
  }

  /**
   * The language a patient's family reads, from the script of the name: Chinese names are written
   * without a space, Japanese ones with a space or in kana, Korean ones in Hangul.
   */
  static String language(String name) {
    boolean han = false;
    boolean kana = false;
    boolean hangul = false;
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      Character.UnicodeScript s = Character.UnicodeScript.of(cp);
      han |= s == Character.UnicodeScript.HAN;
      kana |= s == Character.UnicodeScript.HIRAGANA || s == Character.UnicodeScript.KATAKANA;
      hangul |= s == Character.UnicodeScript.HANGUL;
    }
    if (hangul) {
      return "ko";
    }
    if (kana || (han && name.contains(" "))) {
      return "ja";
    }
    return han ? "zh" : "en";
  }

  /** Writes the patient's goal reviews, up to {@code lastDay}, and returns how many rows. */
  int write(SimPatient p, long lastDay, CSVPrinter out) throws IOException {
    SplittableRandom r = Rng.stream(seed, PURPOSE, p.index, 0);
    if (r.nextDouble() >= SHARE_WITH_GOALS) {
      return 0;
    }
    boolean zh = language(p.name).equals("zh");
    boolean improving = r.nextDouble() < SHARE_IMPROVING;
    boolean weighted = r.nextDouble() < SHARE_WEIGHTED;
    int count = 2 + r.nextInt(3);
    List<Template> chosen = pick(r, count);
    long end = Math.min(lastDay, p.lastActiveDay);
    int rows = 0;
    for (int g = 0; g < chosen.size(); g++) {
      Template t = chosen.get(g);
      LocalDate setOn = Cohort.weekday(p.programStart.plusDays(3 + r.nextInt(10)));
      if (setOn.toEpochDay() > end) {
        break;
      }
      String[] row = new String[HEADER.length];
      row[0] = p.id;
      row[1] = "G" + (g + 1);
      row[2] = setOn.toString();
      row[4] = t.domain();
      row[5] = zh ? t.zh() : t.en();
      int baseline = r.nextDouble() < 0.2 ? -2 : -1;
      row[6] = Integer.toString(baseline);
      row[8] = weighted ? Integer.toString(1 + r.nextInt(3)) : "";
      row[9] = weighted ? Integer.toString(r.nextInt(4)) : "";
      row[10] = r.nextDouble() < 0.7 ? setOn.plusWeeks(8 + r.nextInt(5)).toString() : "";
      // The day the goal is agreed: a row with the baseline and no rating yet.
      row[3] = setOn.toString();
      row[7] = "";
      rows += print(out, row);
      int level = baseline;
      double step = improving ? 0.35 + 0.2 * r.nextDouble() : 0.1;
      for (LocalDate review = Cohort.weekday(setOn.plusDays(28 + r.nextInt(8)));
          review.toEpochDay() <= end;
          review = Cohort.weekday(review.plusDays(28 + r.nextInt(8)))) {
        // Beyond the expected outcome progress slows: +2 means much better than anyone expected.
        if (r.nextDouble() < (level >= 0 ? step * 0.35 : step)) {
          level = Math.min(2, level + 1);
        } else if (!improving && level > -2 && r.nextDouble() < 0.15) {
          level--;
        }
        row[3] = review.toString();
        row[7] = r.nextDouble() < 0.04 ? "" : Integer.toString(level);
        rows += print(out, row);
        if (messy) {
          rows += mess(r, row, out);
        }
      }
    }
    return rows;
  }

  /** Now and then a repeat, a re-scored review, a domain alias or an invalid row. */
  private static int mess(SplittableRandom r, String[] row, CSVPrinter out) throws IOException {
    double u = r.nextDouble();
    String[] copy = row.clone();
    if (u < 0.03) {
      return print(out, copy);
    }
    if (u < 0.05 && !copy[7].isEmpty()) {
      copy[7] = Integer.toString(Math.min(2, Integer.parseInt(copy[7]) + 1));
      return print(out, copy);
    }
    if (u < 0.06) {
      copy[4] = DOMAIN_VARIANTS[r.nextInt(DOMAIN_VARIANTS.length)];
      copy[7] = copy[7].isEmpty() || copy[7].startsWith("-") ? copy[7] : "+" + copy[7];
      return print(out, copy);
    }
    if (u < 0.065) {
      copy[7] = "3";
      return print(out, copy);
    }
    if (u < 0.07) {
      copy[3] = LocalDate.parse(copy[2]).minusDays(1 + r.nextInt(20)).toString();
      return print(out, copy);
    }
    if (u < 0.072) {
      copy[0] = copy[0] + "X";
      return print(out, copy);
    }
    return 0;
  }

  private static int print(CSVPrinter out, String[] row) throws IOException {
    out.printRecord((Object[]) row);
    return 1;
  }

  private static List<Template> pick(SplittableRandom r, int count) {
    List<Template> pool = new ArrayList<>(List.of(TEMPLATES));
    List<Template> chosen = new ArrayList<>(count);
    while (chosen.size() < count) {
      Template t = pool.remove(r.nextInt(pool.size()));
      // One goal per domain: two dressing goals would crowd out the rest of daily life.
      if (chosen.stream().noneMatch(c -> c.domain().equals(t.domain()))) {
        chosen.add(t);
      }
    }
    return chosen;
  }
}
