package org.kho.cli;

import java.io.PrintWriter;
import java.util.List;
import org.kho.catalogue.Problem;
import picocli.CommandLine.Help.ColorScheme;

/** Prints config problems one per line, {@code file:line:column: message — hint}, and a count. */
final class ProblemsView {
  private ProblemsView() {}

  static void print(List<Problem> problems, PrintWriter out, ColorScheme colors) {
    for (Problem p : problems) {
      String line = p.toString();
      out.println(p.severity() == Problem.Severity.ERROR ? colors.errorText(line) : colors.text(line));
    }
    long errors = problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
    long warnings = problems.size() - errors;
    if (errors > 0) {
      out.println(colors.errorText(count(errors, "error") + ", " + count(warnings, "warning")));
    }
  }

  static String count(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
