package org.recoveryreview.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.recoveryreview.model.JobFailure;
import org.recoveryreview.model.Settings;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/** docs/configuration.md's key table against the one declaration of the keys, ConfigKeys. */
class ConfigKeysDocTest {
  private static final Path DOC = Path.of("docs/configuration.md");
  private static final Pattern ROW = Pattern.compile("^\\| `([a-z_.<>]+)` \\|(.*)$");
  private static final Pattern WHOLE_RANGE = Pattern.compile("^1–(\\d+)$");

  /** Key rows of the table: documented key (with its "<kind>" parts cut) to its cells. */
  private static Map<String, List<String>> rows() throws IOException {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : Files.readAllLines(DOC)) {
      Matcher m = ROW.matcher(line);
      if (m.matches()) {
        String key = m.group(1).replaceAll("\\.<.*$", "");
        List<String> cells = new ArrayList<>();
        for (String c : m.group(2).split(" \\| ")) {
          cells.add(c.replace("|", "").trim());
        }
        rows.put(key, cells);
      }
    }
    return rows;
  }

  @Test
  void table_listsExactlyTheDeclaredKeysInOrder() throws IOException {
    List<String> declared = ConfigKeys.ALL.stream().map(ConfigKey::path).toList();
    List<String> documented = new ArrayList<>(rows().keySet());
    assertEquals(
        declared.stream().sorted().toList(),
        documented.stream().sorted().toList(),
        "docs/configuration.md's key table and ConfigKeys.ALL differ");
  }

  @Test
  void table_isOneUnbrokenMarkdownTable() throws IOException {
    List<String> lines = Files.readAllLines(DOC);
    int first = -1;
    int last = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (ROW.matcher(lines.get(i)).matches()) {
        first = first < 0 ? i : first;
        last = i;
      }
    }
    assertTrue(first > 1, "no key rows found");
    assertTrue(lines.get(first - 1).startsWith("|---"), "the first key row follows the header");
    for (int i = first; i <= last; i++) {
      assertTrue(
          lines.get(i).startsWith("| `"),
          "line " + (i + 1) + " breaks the key table (Markdown ends it there): " + lines.get(i));
    }
  }

  @Test
  void numericDefaults_matchTheBuiltInSettings() throws IOException {
    Settings defaults = Settings.defaults();
    int checked = 0;
    for (Map.Entry<String, List<String>> row : rows().entrySet()) {
      String cell = row.getValue().get(1).replace("`", "");
      if (!cell.matches("-?[0-9.]+")) {
        continue;
      }
      ConfigKey<?> key = ConfigKeys.find(row.getKey()).orElseThrow();
      Object value = key.defaultValue().apply(defaults);
      assertTrue(value instanceof Number, row.getKey() + " is documented as a number");
      boolean octal = row.getValue().get(0).equals("octal");
      assertEquals(
          octal ? Integer.parseInt(cell, 8) : Double.parseDouble(cell),
          ((Number) value).doubleValue(),
          1e-9,
          row.getKey() + ": documented default differs from Settings.defaults()");
      checked++;
    }
    assertTrue(checked >= 30, "only " + checked + " numeric defaults were found in the table");
  }

  @Test
  void wholeNumberRanges_acceptTheDocumentedMaximumAndRefuseOneMore() throws IOException {
    YamlNodes yaml = new YamlNodes(Path.of("config.yaml"));
    int checked = 0;
    for (Map.Entry<String, List<String>> row : rows().entrySet()) {
      Matcher m = WHOLE_RANGE.matcher(row.getValue().get(2));
      if (!row.getValue().get(0).equals("whole number") || !m.matches()) {
        continue;
      }
      ValueType<?> type = ConfigKeys.find(row.getKey()).orElseThrow().type();
      long max = Long.parseLong(m.group(1));
      assertEquals(
          (int) max, type.read(scalar(String.valueOf(max)), row.getKey(), yaml), row.getKey());
      assertThrows(
          JobFailure.class,
          () -> type.read(scalar(String.valueOf(max + 1)), row.getKey(), yaml),
          row.getKey() + " accepts more than the documented " + max);
      checked++;
    }
    assertTrue(checked >= 25, "only " + checked + " whole-number ranges were found");
  }

  @Test
  void allowedIn_eachSection_followsTheTableOrder() {
    assertEquals(
        List.of("organisation", "adherence", "recovery", "input", "therapies", "report", "publish"),
        ConfigKeys.allowedIn(""));
    assertEquals(
        ConfigKeys.ALL.stream()
            .map(ConfigKey::path)
            .filter(p -> p.startsWith("recovery.data_query."))
            .map(p -> p.substring("recovery.data_query.".length()))
            .collect(Collectors.toList()),
        ConfigKeys.allowedIn("recovery.data_query"));
  }

  private static Node scalar(String value) {
    MappingNode m = (MappingNode) new Yaml().compose(new java.io.StringReader("k: " + value));
    return m.getValue().get(0).getValueNode();
  }
}
