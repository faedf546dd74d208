package org.kho.crypto;

/**
 * Sealed bytes did not authenticate: they were altered, truncated, or sealed under another key
 * or other associated data. Callers add what the bytes were, since only they know.
 */
public final class AuthenticationFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  AuthenticationFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
