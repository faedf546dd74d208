package org.kho.command;

import org.kho.core.KhoException;

/**
 * A command ended badly: a non-zero exit status, a signal, its time limit, or it could not be
 * started. The message names the command, how it ended and the tail of its stderr (secrets blanked).
 */
public final class CommandFailedException extends KhoException {
  private static final long serialVersionUID = 1L;

  CommandFailedException(String message, String hint) {
    super(message, hint);
  }
}
