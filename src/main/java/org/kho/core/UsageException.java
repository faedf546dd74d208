package org.kho.core;

/** The command was called wrongly: a bad option value, a folder that must be empty, and the like. */
public final class UsageException extends KhoException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message, String hint) {
    super(message, hint);
  }
}
