package org.kho.catalogue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects the problems found while reading and validating a config directory. */
final class Problems {
  private final List<Problem> found = new ArrayList<>();

  void error(SourceMap where, String pointer, String message, String hint) {
    add(where, where.at(pointer), Problem.Severity.ERROR, message, hint);
  }

  void errorAtKey(SourceMap where, String pointer, String message, String hint) {
    add(where, where.keyAt(pointer), Problem.Severity.ERROR, message, hint);
  }

  void warning(SourceMap where, String pointer, String message, String hint) {
    add(where, where.at(pointer), Problem.Severity.WARNING, message, hint);
  }

  void fileError(Path file, int line, int column, String message, String hint) {
    found.add(new Problem(file, line, column, Problem.Severity.ERROR, message, hint));
  }

  private void add(SourceMap where, SourceMap.Position at, Problem.Severity severity, String message, String hint) {
    found.add(new Problem(where.file(), at.line(), at.column(), severity, message, hint));
  }

  boolean hasErrors() {
    return found.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
  }

  /** Every problem, ordered by file, line and column. */
  List<Problem> sorted() {
    return found.stream()
        .sorted(Comparator.comparing((Problem p) -> p.file().toString())
            .thenComparingInt(Problem::line)
            .thenComparingInt(Problem::column))
        .toList();
  }
}
