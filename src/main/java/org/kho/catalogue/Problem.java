package org.kho.catalogue;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong (or worth a warning) in a config directory, with where it is and how to fix it.
 *
 * @param file the file, as the user named the config directory
 * @param line 1-based line, 0 when the problem concerns the whole file
 * @param column 1-based column, 0 when unknown
 * @param severity whether the config can be used despite it
 * @param message what is wrong, never containing a secret value
 * @param hint how to fix it; may be empty
 */
public record Problem(Path file, int line, int column, Severity severity, String message, String hint) {
  /** How serious a problem is. */
  public enum Severity {
    /** The config cannot be used until this is fixed. */
    ERROR,
    /** The config works, but something looks unintended. */
    WARNING
  }

  /** Validates the fields. */
  public Problem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  /** {@code file:line:column: message — hint}, the form editors and CI logs can jump to. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(file.toString());
    if (line > 0) {
      s.append(':').append(line).append(':').append(Math.max(column, 1));
    }
    s.append(": ");
    if (severity == Severity.WARNING) {
      s.append("warning: ");
    }
    s.append(message);
    if (!hint.isEmpty()) {
      s.append(" — ").append(hint);
    }
    return s.toString();
  }
}
