package org.recoveryreview.ingest;

import java.util.ArrayList;
import java.util.List;
import org.recoveryreview.model.FileKind;

/** A list per kind of input file, every kind present (empty when there is no such file). */
final class ByKind<T> {
  private final List<List<T>> lists = new ArrayList<>();

  ByKind() {
    for (int i = 0; i < FileKind.values().length; i++) {
      lists.add(new ArrayList<>());
    }
  }

  List<T> get(FileKind kind) {
    return lists.get(kind.ordinal());
  }
}
