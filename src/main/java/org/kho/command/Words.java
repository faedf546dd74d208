package org.kho.command;

import java.util.ArrayList;
import java.util.List;
import org.kho.core.UsageException;

/**
 * Splits a command line typed on Kho's command line into words the way a shell would for a
 * simple command: blanks separate words, single quotes keep everything literally, double quotes
 * and backslashes escape. Anything a shell would treat specially (pipes, redirections, variables,
 * globs, command substitution) is refused unquoted: such a line needs a shell, which must be asked
 * for explicitly.
 */
public final class Words {
  private static final String SPECIAL = "|&;<>()$`*?[]{}~\n";

  private Words() {}

  /** The words of {@code line}; throws {@link UsageException} for unbalanced quotes or shell syntax. */
  public static List<String> split(String line, String option) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\\' && i + 1 < line.length() && (quote == 0 || "\"\\$`".indexOf(line.charAt(i + 1)) >= 0)) {
        word = word == null ? new StringBuilder() : word;
        word.append(line.charAt(++i));
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        word = word == null ? new StringBuilder() : word;
      } else if (c == ' ' || c == '\t') {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (SPECIAL.indexOf(c) >= 0) {
        throw new UsageException(option + " '" + line + "' uses '" + (c == '\n' ? "\\n" : c)
            + "', which needs a shell; Kho runs commands without one",
            "quote the character if it is meant literally, or add --shell to run the line with /bin/sh -c");
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (quote != 0) {
      throw new UsageException(option + " '" + line + "' has an unclosed " + quote, "close the quote");
    }
    if (word != null) {
      words.add(word.toString());
    }
    if (words.isEmpty()) {
      throw new UsageException(option + " is empty", "give the program and its arguments, e.g. \"pg_dump -Fc hr\"");
    }
    return words;
  }
}
