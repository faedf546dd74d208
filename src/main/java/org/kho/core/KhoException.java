package org.kho.core;

/**
 * A failure a user can act on: {@link #getMessage()} says what failed, {@link #hint()} what to do.
 * The CLI prints both (never a stack trace) and maps the subclass to an exit code.
 */
public class KhoException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String hint;

  public KhoException(String message, String hint) {
    super(message);
    this.hint = hint == null ? "" : hint;
  }

  public KhoException(String message, String hint, Throwable cause) {
    super(message, cause);
    this.hint = hint == null ? "" : hint;
  }

  /** What the user can do about it; may be empty. */
  public String hint() {
    return hint;
  }
}
