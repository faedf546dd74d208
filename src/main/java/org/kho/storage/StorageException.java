package org.kho.storage;

import org.kho.core.KhoException;

/** A target could not be read or written; the message names the object and the target. */
public class StorageException extends KhoException {
  private static final long serialVersionUID = 1L;

  public StorageException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
