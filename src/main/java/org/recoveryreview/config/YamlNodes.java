package org.recoveryreview.config;

import java.nio.file.Path;
import org.recoveryreview.model.ExitCode;
import org.recoveryreview.model.JobFailure;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The configuration file being read, for the shape checks every value type shares and for error
 * messages that name the file and the line the operator has to edit.
 */
final class YamlNodes {
  private final Path file;

  YamlNodes(Path file) {
    this.file = file;
  }

  Path file() {
    return file;
  }

  /** A path as written in the file: relative paths are read from the file's folder. */
  Path resolve(Path p) {
    return p.isAbsolute() || file.getParent() == null ? p : file.getParent().resolve(p);
  }

  MappingNode mapping(Node node, String name) {
    if (node instanceof MappingNode m) {
      return m;
    }
    throw invalid(node, name, "expected a mapping of keys to values");
  }

  String scalar(Node node, String name) {
    if (node instanceof ScalarNode s) {
      return s.getValue();
    }
    throw invalid(node, name, "expected a single value, not a list or mapping");
  }

  String nonBlank(Node node, String name) {
    String v = scalar(node, name).trim();
    if (v.isEmpty()) {
      throw invalid(node, name, "expected a value, found nothing");
    }
    return v;
  }

  /** "Config file F line L: NAME: WHAT." for a value the operator has to change. */
  JobFailure invalid(Node node, String name, String what) {
    return usage("Config file " + file + " line " + line(node) + ": " + name + ": " + what + ".");
  }

  /** "Config file F line L: WHAT" for a problem that is not one key's value. */
  JobFailure atLine(Node node, String what) {
    return usage("Config file " + file + " line " + line(node) + ": " + what);
  }

  static int line(Node node) {
    return node.getStartMark().getLine() + 1;
  }

  static JobFailure usage(String message) {
    return new JobFailure(ExitCode.USAGE, message);
  }
}
