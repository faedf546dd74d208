package org.kho.storage.vfs;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.apache.commons.net.ftp.FTPFile;
import org.apache.commons.net.ftp.FTPReply;
import org.kho.storage.NoSuchObjectException;
import org.kho.storage.ObjectExistsException;
import org.kho.storage.Storage.ObjectInfo;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;
import org.kho.storage.StorageException;
import org.kho.storage.TransientStorageException;

/**
 * A repository in a folder of an FTPS server (explicit TLS), spoken to directly with commons-net:
 * each object is the file {@code path/}{@link ObjectName#path()}, as on a local disk.
 *
 * <p>Only transfers open a data connection (one per create, read or listed folder); whether an
 * object is there and its size are asked on the control connection ({@code SIZE}), renames and
 * deletes too. A create uploads to a {@code tmp-} file beside the object's place, checks the
 * size the server holds, checks the name is still free and renames ({@code RNFR}/{@code RNTO}).
 * Some servers rename onto an existing file, so two writers of one name racing past that check
 * could both publish: both stored the same bytes (names are hashes of contents).
 *
 * <p>Safe for concurrent use: each operation takes a logged-in connection of its own from
 * {@link FtpsConnections}. Every wait is bounded by the timeout of {@link RemoteAccess}; a
 * broken connection fails the operation with a {@link TransientStorageException}, and the next
 * operation connects again.
 */
public final class FtpsStorage implements Storage {
  private static final String TEMP_PREFIX = "tmp-";
  private static final Pattern DATA_FOLDER = Pattern.compile("[0-9a-f]{2}");
  private final RemoteUrl url;
  private final String root;
  private final FtpsConnections connections;
  private final Failures failures;
  private final Set<String> knownFolders = ConcurrentHashMap.newKeySet();

  private FtpsStorage(RemoteUrl url, RemoteAccess access) {
    this.url = url;
    this.root = url.path().endsWith("/") && url.path().length() > 1
        ? url.path().substring(0, url.path().length() - 1) : url.path();
    this.connections = new FtpsConnections(url, access);
    this.failures = new Failures(url, access.knownHosts(), new HostKeyPrompt());
  }

  /** The repository in the existing folder {@code url} names. */
  public static FtpsStorage open(RemoteUrl url, RemoteAccess access) {
    FtpsStorage storage = new FtpsStorage(url, access);
    try {
      if (!storage.connections.call(c -> c.changeWorkingDirectory(storage.root))) {
        throw new StorageException("no repository folder at " + url,
            "check the URL's path (it is absolute on the server) and that the user may see it", null);
      }
      return storage;
    } catch (IOException e) {
      storage.close();
      throw storage.failures.of("open", "the repository folder", e);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  /** A new repository at {@code url}: makes the folder unless it exists; refuses one that holds anything. */
  public static FtpsStorage create(RemoteUrl url, RemoteAccess access) {
    FtpsStorage storage = new FtpsStorage(url, access);
    try {
      storage.connections.call(c -> {
        storage.makeFolders(c, storage.root);
        if (names(c, storage.root).findAny().isPresent()) {
          throw new StorageException(url + " is not empty",
              "a new repository needs an empty folder: choose a new one, e.g. " + url + "/kho", null);
        }
        for (ObjectKind kind : ObjectKind.values()) {
          if (!kind.folder().isEmpty()) {
            storage.folder(c, kind.folder());
          }
        }
        return null;
      });
      return storage;
    } catch (IOException e) {
      storage.close();
      throw storage.failures.of("create", "the repository folder", e);
    } catch (RuntimeException e) {
      storage.close();
      throw e;
    }
  }

  @Override
  public String describe() {
    return url.toString();
  }

  @Override
  public void create(ObjectName name, byte[] data) {
    create(name, data, data.length);
  }

  @Override
  public void create(ObjectName name, byte[] data, int length) {
    java.util.Objects.checkFromIndexSize(0, length, data.length);
    String path = name.path();
    String parent = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
    String temp = (parent.isEmpty() ? "" : parent + "/") + TEMP_PREFIX + UUID.randomUUID();
    try {
      connections.call(c -> {
        if (size(c, path) >= 0) {
          throw new ObjectExistsException(name, describe());
        }
        if (!parent.isEmpty()) {
          folder(c, parent);
        }
        boolean published = false;
        try {
          upload(c, temp, data, length, name);
          publish(c, temp, path, name);
          published = true;
        } finally {
          if (!published) {
            deleteQuietly(c, temp);
          }
        }
        return null;
      });
    } catch (IOException e) {
      throw failures.of("write", path, e);
    }
  }

  private void upload(ResumingFtpsClient c, String temp, byte[] data, int length, ObjectName name) throws IOException {
    OutputStream out = c.storeFileStream(full(temp));
    if (out == null) {
      throw new FtpReplyException("store " + temp, c.getReplyString());
    }
    try {
      out.write(data, 0, length);
      c.finishUpload(out);
    } finally {
      out.close();
    }
    if (!c.completePendingCommand()) {
      throw new FtpReplyException("store " + temp, c.getReplyString());
    }
    long stored = size(c, temp);
    if (stored != length) {
      throw new TransientStorageException("the server holds " + stored + " of the " + length + " bytes written to "
          + name + " on " + url, "Kho tries again by itself; if it recurs, check the server's disk", null);
    }
  }

  private void publish(ResumingFtpsClient c, String temp, String path, ObjectName name) throws IOException {
    if (size(c, path) >= 0) {
      throw new ObjectExistsException(name, describe());
    }
    if (!c.rename(full(temp), full(path))) {
      if (size(c, path) >= 0) {
        throw new ObjectExistsException(name, describe());
      }
      throw new FtpReplyException("rename " + temp + " to " + path, c.getReplyString());
    }
  }

  @Override
  public byte[] read(ObjectName name) {
    return reading(name, c -> {
      InputStream in = c.retrieveFileStream(full(name.path()));
      if (in == null) {
        throw missingOr(c, name, "read " + name.path());
      }
      byte[] bytes;
      try (in) {
        bytes = in.readAllBytes();
      }
      if (!c.completePendingCommand()) {
        throw new FtpReplyException("send " + name.path(), c.getReplyString());
      }
      return bytes;
    });
  }

  @Override
  public byte[] read(ObjectName name, long offset, int length) {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("offset " + offset + " and length " + length + " must not be negative");
    }
    return reading(name, c -> {
      long size = size(c, name.path());
      if (size < 0) {
        throw new NoSuchObjectException(name, describe());
      }
      if (offset >= size || length == 0) {
        return new byte[0];
      }
      int wanted = (int) Math.min(length, size - offset);
      c.setRestartOffset(offset);
      InputStream in = c.retrieveFileStream(full(name.path()));
      if (in == null) {
        throw missingOr(c, name, "read " + name.path());
      }
      byte[] bytes;
      try (in) {
        bytes = in.readNBytes(wanted);
      }
      // stopping early makes the server say the transfer was cut (426): expected, the connection is fine
      boolean whole = c.completePendingCommand();
      if (!whole && offset + wanted == size) {
        throw new FtpReplyException("send " + name.path(), c.getReplyString());
      }
      return bytes;
    });
  }

  @Override
  public long size(ObjectName name) {
    return reading(name, c -> {
      long size = size(c, name.path());
      if (size < 0) {
        throw new NoSuchObjectException(name, describe());
      }
      return size;
    });
  }

  @Override
  public boolean exists(ObjectName name) {
    try {
      return connections.call(c -> size(c, name.path()) >= 0);
    } catch (IOException e) {
      throw failures.of("look for", name.path(), e);
    }
  }

  @Override
  public List<ObjectInfo> list(ObjectKind kind) {
    try {
      return connections.call(c -> {
        List<ObjectInfo> found = new ArrayList<>();
        if (kind != ObjectKind.DATA) {
          listInto(c, kind, kind.folder(), found);
          return found;
        }
        for (FTPFile sub : c.listFiles(full(kind.folder()))) {
          if (sub != null && sub.isDirectory() && DATA_FOLDER.matcher(sub.getName()).matches()) {
            listInto(c, kind, kind.folder() + "/" + sub.getName(), found);
          }
        }
        return found;
      });
    } catch (IOException e) {
      throw failures.of("list", kind.folder().isEmpty() ? "the repository folder" : kind.folder(), e);
    }
  }

  private void listInto(ResumingFtpsClient c, ObjectKind kind, String folder, List<ObjectInfo> found)
      throws IOException {
    String prefix = folder.substring(folder.lastIndexOf('/') + 1);
    for (FTPFile file : c.listFiles(full(folder))) {
      if (file != null && file.isFile() && ObjectName.valid(kind, file.getName())
          && (kind != ObjectKind.DATA || file.getName().startsWith(prefix))) {
        found.add(new ObjectInfo(ObjectName.of(kind, file.getName()), file.getSize()));
      }
    }
  }

  @Override
  public boolean delete(ObjectName name) {
    try {
      return connections.call(c -> {
        if (c.deleteFile(full(name.path()))) {
          return true;
        }
        if (size(c, name.path()) < 0) {
          return false;
        }
        throw new FtpReplyException("delete " + name.path(), c.getReplyString());
      });
    } catch (IOException e) {
      throw failures.of("delete", name.path(), e);
    }
  }

  @Override
  public void close() {
    connections.close();
  }

  /** The size of the file at {@code path} under the root, or -1 if there is none ({@code SIZE}, binary mode). */
  private long size(ResumingFtpsClient c, String path) throws IOException {
    int code = c.sendCommand("SIZE", full(path));
    if (code == FTPReply.FILE_STATUS) {
      String reply = c.getReplyString().strip();
      try {
        return Long.parseLong(reply.substring(reply.indexOf(' ') + 1).strip());
      } catch (NumberFormatException e) {
        throw new FtpReplyException("tell the size of " + path, reply);
      }
    }
    if (code == FTPReply.FILE_UNAVAILABLE || code == FTPReply.ACTION_ABORTED) {
      return -1;
    }
    throw new FtpReplyException("tell the size of " + path, c.getReplyString());
  }

  private IOException missingOr(ResumingFtpsClient c, ObjectName name, String action) throws IOException {
    if (c.getReplyCode() == FTPReply.FILE_UNAVAILABLE && size(c, name.path()) < 0) {
      throw new NoSuchObjectException(name, describe());
    }
    return new FtpReplyException(action, c.getReplyString());
  }

  /** Makes the folder at {@code path} under the root unless this storage has seen it already. */
  private void folder(ResumingFtpsClient c, String path) throws IOException {
    if (!knownFolders.contains(path)) {
      makeFolders(c, full(path));
      knownFolders.add(path);
    }
  }

  /** Makes every folder of the absolute {@code path} that is missing; fails if the last is not there after. */
  private void makeFolders(ResumingFtpsClient c, String path) throws IOException {
    if (c.changeWorkingDirectory(path)) {
      return;
    }
    StringBuilder sofar = new StringBuilder();
    for (String part : path.split("/")) {
      if (!part.isEmpty()) {
        sofar.append('/').append(part);
        c.makeDirectory(sofar.toString()); // refused when it exists: checked below
      }
    }
    if (!c.changeWorkingDirectory(path)) {
      throw new FtpReplyException("make the folder " + path, c.getReplyString());
    }
  }

  private static java.util.stream.Stream<String> names(ResumingFtpsClient c, String path) throws IOException {
    FTPFile[] entries = c.listFiles(path);
    return java.util.Arrays.stream(entries).filter(f -> f != null && !f.getName().equals(".") && !f.getName().equals(".."))
        .map(FTPFile::getName);
  }

  private String full(String path) {
    return path.isEmpty() ? root : (root.equals("/") ? "" : root) + "/" + path;
  }

  private <T> T reading(ObjectName name, FtpsConnections.Exchange<T> exchange) {
    try {
      return connections.call(exchange);
    } catch (IOException e) {
      throw failures.of("read", name.path(), e);
    }
  }

  /** Deletes a {@code tmp-} file left by a failed create, if the connection still can: one left is never read. */
  private void deleteQuietly(ResumingFtpsClient c, String temp) {
    try {
      if (c.isConnected()) {
        c.deleteFile(full(temp));
      }
    } catch (IOException ignored) {
      // the connection broke: the tmp- file stays, harmless (no object name starts so)
    }
  }
}
