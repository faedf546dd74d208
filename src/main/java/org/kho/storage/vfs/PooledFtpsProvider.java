package org.kho.storage.vfs;

import java.io.IOException;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.commons.vfs2.FileName;
import org.apache.commons.vfs2.FileSystem;
import org.apache.commons.vfs2.FileSystemException;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.provider.GenericFileName;
import org.apache.commons.vfs2.provider.ftp.FtpClient;
import org.apache.commons.vfs2.provider.ftps.FtpsFileProvider;
import org.apache.commons.vfs2.provider.ftps.FtpsFileSystem;

/**
 * The FTPS provider of VFS, but keeping up to {@value #KEPT} logged-in connections for reuse
 * instead of one. VFS keeps a single idle connection and closes any other it is given back, so
 * two operations at once (Kho's default for FTPS) made a new TLS handshake and login for every
 * other operation. A kept connection the server has dropped is replaced by VFS's client wrapper,
 * which reconnects once when a command fails.
 */
final class PooledFtpsProvider extends FtpsFileProvider {
  /** More than Kho's FTPS connection limit by default; a higher limit keeps the extra ones briefly. */
  static final int KEPT = 4;

  @Override
  protected FileSystem doCreateFileSystem(FileName name, FileSystemOptions options) throws FileSystemException {
    // VFS's own file system logs in once (its client class is not public): take that connection over
    FtpClient first = ((FtpsFileSystem) super.doCreateFileSystem(name, options)).getClient();
    return new Pooled((GenericFileName) name, first, options);
  }

  /** An FTPS file system whose idle connections wait in a small pool. */
  private static final class Pooled extends FtpsFileSystem {
    private final Deque<FtpClient> idle = new ConcurrentLinkedDeque<>();

    Pooled(GenericFileName root, FtpClient first, FileSystemOptions options) {
      super(root, first, options);
    }

    @Override
    public FtpClient getClient() throws FileSystemException {
      for (FtpClient kept = idle.pollFirst(); kept != null; kept = idle.pollFirst()) {
        if (kept.isConnected()) {
          return kept;
        }
      }
      return super.getClient(); // VFS's own idle connection, or a new one
    }

    @Override
    public void putClient(FtpClient client) {
      if (idle.size() < KEPT) {
        idle.offerFirst(client); // the most recently used first: the least likely to have timed out
      } else {
        super.putClient(client);
      }
    }

    @Override
    protected void doCloseCommunicationLink() {
      super.doCloseCommunicationLink();
      for (FtpClient client = idle.pollFirst(); client != null; client = idle.pollFirst()) {
        try {
          if (client.isConnected()) {
            client.disconnect();
          }
        } catch (IOException ignored) {
          // closing anyway: a connection that fails to say goodbye is gone all the same
        }
      }
    }
  }
}
