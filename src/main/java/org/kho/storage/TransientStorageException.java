package org.kho.storage;

/**
 * A failure that may pass if the same operation is tried again: a dropped connection, a timeout,
 * a server that said "try later". Every other {@link StorageException} is permanent: trying again
 * gives the same answer (a missing object, a full disk, a refused host key, a wrong password).
 */
public final class TransientStorageException extends StorageException {
  private static final long serialVersionUID = 1L;

  public TransientStorageException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
