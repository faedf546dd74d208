package org.kho.storage.vfs;

import org.kho.storage.Storage;

/** The storage of a remote target by its URL's scheme: SFTP through VFS, FTPS through commons-net. */
public final class RemoteStorage {
  private RemoteStorage() {}

  /** The repository in the existing folder {@code url} names. */
  public static Storage open(RemoteUrl url, RemoteAccess access) {
    return switch (url.scheme()) {
      case SFTP -> VfsStorage.open(url, access);
      case FTPS -> FtpsStorage.open(url, access);
    };
  }

  /** A new repository at {@code url}: makes the folder unless it exists; refuses one that holds anything. */
  public static Storage create(RemoteUrl url, RemoteAccess access) {
    return switch (url.scheme()) {
      case SFTP -> VfsStorage.create(url, access);
      case FTPS -> FtpsStorage.create(url, access);
    };
  }
}
