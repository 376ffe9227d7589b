package org.recoveryreview.generate;

/**
 * The naming cultures the generator draws names from: given, family and middle names per sex, in
 * each culture's own script and name order. Data only; {@link Names} does the drawing.
 */
final class NameCultures {
  private NameCultures() {}

  /** How a culture writes a full name. */
  enum Order {
    GIVEN_FAMILY,
    FAMILY_GIVEN,
    FAMILY_GIVEN_NO_SPACE
  }

  /**
   * One naming culture; female family names are listed separately where the language inflects
   * (empty where it does not), like the middle names of cultures that have them.
   */
  record Culture(
      String label,
      Order order,
      String[] givenFemale,
      String[] givenMale,
      String[] familyFemale,
      String[] familyMale,
      String[] middleFemale,
      String[] middleMale) {}

  private static final String[] NONE = {};

  /** A culture whose family names have one form for both sexes, and no middle names. */
  private static Culture plain(
      String label, Order order, String[] givenFemale, String[] givenMale, String[] family) {
    return new Culture(label, order, givenFemale, givenMale, NONE, family, NONE, NONE);
  }

  /** A culture whose family names take a female form, and no middle names. */
  private static Culture inflected(
      String label,
      Order order,
      String[] givenFemale,
      String[] givenMale,
      String[] familyFemale,
      String[] familyMale) {
    return new Culture(label, order, givenFemale, givenMale, familyFemale, familyMale, NONE, NONE);
  }

  private static final Culture ENGLISH =
      plain(
          "english",
          Order.GIVEN_FAMILY,
          new String[] {
            "Margaret",
            "Susan",
            "Linda",
            "Patricia",
            "Helen",
            "Karen",
            "Sarah",
            "Emily",
            "Joan",
            "Dorothy",
            "Carol",
            "Ruth",
            "Aisling",
            "Siobhán",
            "Gwen",
            "Fiona"
          },
          new String[] {
            "James", "John", "Robert", "Michael", "William", "David", "Richard", "Thomas",
            "George", "Peter", "Brian", "Kevin", "Seán", "Rhys", "Callum", "Owen"
          },
          new String[] {
            "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
            "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green",
            "Hall", "Wood", "Jackson", "Clarke", "O'Brien", "Murphy", "MacDonald", "Ó Súilleabháin"
          });

  private static final Culture POLISH =
      inflected(
          "polish",
          Order.GIVEN_FAMILY,
          new String[] {
            "Anna",
            "Maria",
            "Katarzyna",
            "Małgorzata",
            "Agnieszka",
            "Barbara",
            "Ewa",
            "Krystyna",
            "Elżbieta",
            "Zofia",
            "Jadwiga",
            "Bożena",
            "Grażyna",
            "Jolanta"
          },
          new String[] {
            "Piotr",
            "Krzysztof",
            "Andrzej",
            "Tomasz",
            "Paweł",
            "Józef",
            "Marcin",
            "Michał",
            "Stanisław",
            "Jerzy",
            "Łukasz",
            "Grzegorz",
            "Zbigniew",
            "Wojciech"
          },
          new String[] {
            "Nowak",
            "Kowalska",
            "Wiśniewska",
            "Wójcik",
            "Kowalczyk",
            "Kamińska",
            "Lewandowska",
            "Zielińska",
            "Szymańska",
            "Woźniak",
            "Dąbrowska",
            "Kozłowska",
            "Jabłońska",
            "Mazur",
            "Gęsicka",
            "Piątek",
            "Jędrzejczak",
            "Żak",
            "Król",
            "Wróbel",
            "Zając",
            "Sęk"
          },
          new String[] {
            "Nowak",
            "Kowalski",
            "Wiśniewski",
            "Wójcik",
            "Kowalczyk",
            "Kamiński",
            "Lewandowski",
            "Zieliński",
            "Szymański",
            "Woźniak",
            "Dąbrowski",
            "Kozłowski",
            "Jabłoński",
            "Mazur",
            "Gęsicki",
            "Piątek",
            "Jędrzejczak",
            "Żak",
            "Król",
            "Wróbel",
            "Zając",
            "Sęk"
          });

  private static final Culture WESTERN_EUROPEAN =
      plain(
          "western_european",
          Order.GIVEN_FAMILY,
          new String[] {
            "Sofía",
            "Lucía",
            "Inês",
            "Chloé",
            "Hélène",
            "Ingrid",
            "Åsa",
            "Françoise",
            "Begoña",
            "Maëlle",
            "Gudrun",
            "Anaïs"
          },
          new String[] {
            "José",
            "João",
            "François",
            "Jürgen",
            "Søren",
            "Björn",
            "Ángel",
            "Andrés",
            "Loïc",
            "Günther",
            "Raphaël",
            "Nuño"
          },
          new String[] {
            "Müller",
            "Schröder",
            "Weiß",
            "García",
            "Fernández",
            "Martínez",
            "Rodríguez",
            "López",
            "Gonçalves",
            "Dubois",
            "Lefèvre",
            "Moreau",
            "da Silva",
            "Bergström",
            "Sørensen",
            "Nielsen",
            "Núñez",
            "Groß",
            "Baptiste-Éluard"
          });

  private static final Culture VIETNAMESE =
      new Culture(
          "vietnamese",
          Order.FAMILY_GIVEN,
          new String[] {"Hương", "Lan", "Mai", "Thảo", "Ngọc", "Hằng", "Linh", "Trang", "Yến"},
          new String[] {"Hùng", "Dũng", "Tuấn", "Quang", "Thắng", "Phúc", "Long", "Sơn", "Khải"},
          NONE,
          new String[] {
            "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi",
            "Đỗ"
          },
          new String[] {"Thị", "Thị", "Ngọc", "Thu"},
          new String[] {"Văn", "Đức", "Minh", "Quốc"});

  private static final Culture TURKISH =
      plain(
          "turkish",
          Order.GIVEN_FAMILY,
          new String[] {
            "Ayşe", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Özlem", "Gül", "Çiğdem"
          },
          new String[] {
            "Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin", "Hasan", "İbrahim", "Doğan"
          },
          new String[] {
            "Yılmaz",
            "Kaya",
            "Demir",
            "Şahin",
            "Çelik",
            "Yıldız",
            "Yıldırım",
            "Öztürk",
            "Aydın",
            "Özdemir",
            "Arslan",
            "Doğan",
            "Kılıç",
            "Erdoğan",
            "Ağaoğlu",
            "Dağlı"
          });

  private static final Culture HUNGARIAN =
      plain(
          "hungarian",
          Order.FAMILY_GIVEN,
          new String[] {
            "Erzsébet", "Katalin", "Ilona", "Éva", "Mária", "Zsuzsanna", "Ildikó", "Margit", "Enikő"
          },
          new String[] {
            "László", "István", "József", "János", "Zoltán", "Sándor", "Gábor", "Lőrinc", "Győző"
          },
          new String[] {
            "Nagy",
            "Kovács",
            "Tóth",
            "Szabó",
            "Horváth",
            "Varga",
            "Kiss",
            "Molnár",
            "Németh",
            "Farkas",
            "Balogh",
            "Szőke",
            "Győri",
            "Fekete",
            "Lukács",
            "Bőszörményi"
          });

  private static final Culture GREEK =
      inflected(
          "greek",
          Order.GIVEN_FAMILY,
          new String[] {
            "Μαρία", "Ελένη", "Αικατερίνη", "Βασιλική", "Σοφία", "Αγγελική", "Γεωργία", "Δήμητρα"
          },
          new String[] {
            "Γεώργιος",
            "Ιωάννης",
            "Κωνσταντίνος",
            "Δημήτριος",
            "Νικόλαος",
            "Παναγιώτης",
            "Βασίλειος",
            "Χρήστος"
          },
          new String[] {
            "Παπαδοπούλου",
            "Παπαδάκη",
            "Γεωργίου",
            "Οικονόμου",
            "Βασιλείου",
            "Αντωνίου",
            "Καραγιάννη",
            "Μακρή",
            "Νικολάου",
            "Δημητρίου"
          },
          new String[] {
            "Παπαδόπουλος",
            "Παπαδάκης",
            "Γεωργίου",
            "Οικονόμου",
            "Βασιλείου",
            "Αντωνίου",
            "Καραγιάννης",
            "Μακρής",
            "Νικολάου",
            "Δημητρίου"
          });

  private static final Culture CYRILLIC =
      inflected(
          "cyrillic",
          Order.GIVEN_FAMILY,
          new String[] {
            "Ольга", "Наталья", "Елена", "Татьяна", "Ирина", "Светлана", "Людмила", "Оксана"
          },
          new String[] {
            "Иван", "Сергей", "Алексей", "Дмитрий", "Николай", "Владимир", "Олег", "Андрій"
          },
          new String[] {
            "Иванова",
            "Петрова",
            "Смирнова",
            "Кузнецова",
            "Попова",
            "Соколова",
            "Лебедева",
            "Козлова",
            "Шевченко",
            "Коваленко"
          },
          new String[] {
            "Иванов",
            "Петров",
            "Смирнов",
            "Кузнецов",
            "Попов",
            "Соколов",
            "Лебедев",
            "Козлов",
            "Шевченко",
            "Коваленко"
          });

  private static final Culture CHINESE =
      plain(
          "chinese",
          Order.FAMILY_GIVEN_NO_SPACE,
          new String[] {"秀英", "桂英", "丽", "静", "敏", "婷", "芳", "淑珍", "玉兰"},
          new String[] {"伟", "强", "磊", "军", "勇", "建国", "志明", "国强", "文斌"},
          new String[] {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "欧阳"});

  private static final Culture JAPANESE =
      plain(
          "japanese",
          Order.FAMILY_GIVEN,
          new String[] {"花子", "洋子", "恵子", "美咲", "由美", "幸子", "さくら"},
          new String[] {"太郎", "健一", "誠", "浩", "翔太", "隆", "大輔"},
          new String[] {"佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤", "山本", "中村", "小林", "加藤"});

  private static final Culture KOREAN =
      plain(
          "korean",
          Order.FAMILY_GIVEN_NO_SPACE,
          new String[] {"영희", "순자", "미숙", "지현", "서연", "민지"},
          new String[] {"민준", "영수", "정호", "성민", "현우", "동현"},
          new String[] {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임"});

  private static final Culture ARABIC =
      plain(
          "arabic",
          Order.GIVEN_FAMILY,
          new String[] {"فاطمة", "عائشة", "مريم", "زينب", "خديجة", "نور", "ليلى", "سارة", "هدى"},
          new String[] {"محمد", "أحمد", "علي", "حسن", "عمر", "خالد", "يوسف", "إبراهيم", "سعيد"},
          new String[] {
            "الأحمد",
            "العلي",
            "الحسن",
            "المصري",
            "الخطيب",
            "حداد",
            "النجار",
            "الشامي",
            "عبد الله",
            "السيد"
          });

  private static final Culture HEBREW =
      plain(
          "hebrew",
          Order.GIVEN_FAMILY,
          new String[] {"שרה", "רחל", "מרים", "לאה", "נועה", "תמר", "אסתר", "רות"},
          new String[] {"דוד", "יוסף", "משה", "אברהם", "יעקב", "דניאל", "אריאל", "יצחק"},
          new String[] {
            "כהן", "לוי", "מזרחי", "פרץ", "ביטון", "אברהם", "פרידמן", "שפירא", "אזולאי"
          });

  /** Every culture, in the order of the weights in {@link Names}. */
  static final Culture[] ALL = {
    ENGLISH,
    POLISH,
    WESTERN_EUROPEAN,
    VIETNAMESE,
    TURKISH,
    HUNGARIAN,
    GREEK,
    CYRILLIC,
    CHINESE,
    JAPANESE,
    KOREAN,
    ARABIC,
    HEBREW
  };
}
