package org.kho.storage;

/** The target has no room left. Nothing half-written stays visible. */
public final class StorageFullException extends StorageException {
  private static final long serialVersionUID = 1L;

  public StorageFullException(String where, Throwable cause) {
    super(where + " is full", "free space there (or run 'kho prune'), then run the backup again: "
        + "what was uploaded before is reused", cause);
  }
}
