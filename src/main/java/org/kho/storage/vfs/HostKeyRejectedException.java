package org.kho.storage.vfs;

import org.kho.storage.StorageException;

/**
 * The SFTP server showed a host key that the known_hosts file does not hold (unknown) or holds
 * differently (changed). Kho never connects then: it could be someone in the middle.
 */
public final class HostKeyRejectedException extends StorageException {
  private static final long serialVersionUID = 1L;

  HostKeyRejectedException(String message, String hint, Throwable cause) {
    super(message, hint, cause);
  }
}
