package org.kho.storage;

/** The object asked for is not on the target. */
public final class NoSuchObjectException extends StorageException {
  private static final long serialVersionUID = 1L;

  public NoSuchObjectException(ObjectName name, String where) {
    super(name + " is missing from " + where, "run 'kho check' to see what it affects", null);
  }
}
