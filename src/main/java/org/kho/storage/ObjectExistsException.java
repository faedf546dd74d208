package org.kho.storage;

/** {@link Storage#create} was asked to write a name that is already there. */
public final class ObjectExistsException extends StorageException {
  private static final long serialVersionUID = 1L;

  public ObjectExistsException(ObjectName name, String where) {
    super(name + " already exists in " + where, "objects are written once; this is a bug if it recurs", null);
  }
}
