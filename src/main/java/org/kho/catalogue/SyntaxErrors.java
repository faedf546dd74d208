package org.kho.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Locale;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a YAML syntax error into a sentence an IT officer can act on, at the place where the
 * mistake is (where a quote opens, where a tab stands, where a key starts), not where the
 * parser gave up.
 */
final class SyntaxErrors {
  /** A syntax problem: where, what, how to fix. */
  record Described(SourceMap.Position at, String message, String hint) {}

  private SyntaxErrors() {}

  static Described describe(JsonProcessingException e, String[] lines) {
    if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      Described d = describe(yaml);
      return d.message().startsWith("this line is indented") ? unclosedQuoteBefore(lines, d) : d;
    }
    SourceMap.Position at = YamlReader.position(e.getLocation());
    String message = CollectingProblemHandler.plain(e);
    if (message.startsWith("duplicate key")) {
      return new Described(keyStart(lines, at), message, "each key may appear once in a mapping: remove or merge the second one");
    }
    return new Described(at, message, "check the indentation and quoting near this place");
  }

  private static Described describe(MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    String lower = problem.toLowerCase(Locale.ROOT);
    if (lower.contains("\\t(tab)") || lower.contains("'\t'")) {
      return new Described(at(e.getProblemMark()), "a tab character where YAML expects spaces",
          "indent with spaces only; set your editor to insert spaces for the Tab key");
    }
    if (context.contains("quoted scalar") && lower.contains("end of stream") && e.getContextMark() != null) {
      return new Described(at(e.getContextMark()), "the quote that opens here is never closed",
          "add the closing quote at the end of the value");
    }
    if (context.contains("quoted scalar") && e.getContextMark() != null) {
      return new Described(at(e.getContextMark()), "the quoted value that starts here is not closed on its line",
          "close the quote before the end of the value");
    }
    if (lower.startsWith("expected <block end>") || lower.contains("block mapping start")) {
      return new Described(at(e.getProblemMark()), "this line is indented differently from the lines above it",
          "line up keys of the same mapping in the same column, and list entries ('- ') under their key");
    }
    if (lower.contains("mapping values are not allowed")) {
      return new Described(at(e.getProblemMark()), "a ':' inside a value",
          "put the value in quotes, e.g. description: \"Backup: nightly\"");
    }
    String message = problem.isEmpty() ? context : problem;
    return new Described(at(e.getProblemMark()), "YAML syntax: " + message, "check the indentation and quoting near this place");
  }

  /**
   * A double-quoted value left open runs on into the next lines, and the parser stumbles only
   * there; when a line just above has an odd number of quotes, that is the real mistake.
   */
  private static Described unclosedQuoteBefore(String[] lines, Described d) {
    for (int n = d.at().line() - 1; n >= Math.max(1, d.at().line() - 3); n--) {
      String line = lines[n - 1];
      if (line.chars().filter(ch -> ch == '"').count() % 2 == 1 && !line.stripLeading().startsWith("#")) {
        return new Described(new SourceMap.Position(n, line.indexOf('"') + 1),
            "the quote that opens here is never closed", "add the closing quote at the end of the value");
      }
    }
    return d;
  }

  private static SourceMap.Position at(Mark mark) {
    return new SourceMap.Position(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Jackson places a duplicate key after its name; the officer wants the key's first letter. */
  private static SourceMap.Position keyStart(String[] lines, SourceMap.Position at) {
    if (at.line() < 1 || at.line() > lines.length) {
      return at;
    }
    String line = lines[at.line() - 1];
    int end = Math.min(Math.max(at.column() - 1, 0), line.length());
    int colon = line.lastIndexOf(':', end);
    int start = colon < 0 ? end : colon;
    while (start > 0 && !Character.isWhitespace(line.charAt(start - 1)) && line.charAt(start - 1) != '{'
        && line.charAt(start - 1) != ',') {
      start--;
    }
    return new SourceMap.Position(at.line(), start + 1);
  }
}
