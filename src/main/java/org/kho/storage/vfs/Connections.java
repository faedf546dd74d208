package org.kho.storage.vfs;

import org.apache.commons.vfs2.CacheStrategy;
import org.apache.commons.vfs2.FileSystemException;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.auth.StaticUserAuthenticator;
import org.apache.commons.vfs2.cache.NullFilesCache;
import org.apache.commons.vfs2.impl.DefaultFileSystemConfigBuilder;
import org.apache.commons.vfs2.impl.DefaultFileSystemManager;
import org.apache.commons.vfs2.provider.sftp.BytesIdentityInfo;
import org.apache.commons.vfs2.provider.sftp.IdentityProvider;
import org.apache.commons.vfs2.provider.sftp.SftpFileSystemConfigBuilder;
import org.kho.core.UsageException;

/**
 * The VFS settings of an SFTP target, safe by default where VFS is not: host keys always
 * verified, no exec channel (whose probe hangs against SFTP-only servers), timeouts on connecting
 * and on every wait for the server, nothing read from the user's {@code ~/.ssh}, paths absolute
 * on the server.
 */
final class Connections {
  private Connections() {}

  /** A file-system manager of its own for one target, with no cache (objects change under us). */
  static DefaultFileSystemManager manager() throws FileSystemException {
    SshAesGcm.register();
    DefaultFileSystemManager manager = new DefaultFileSystemManager();
    manager.addProvider("sftp", new PooledSftpProvider());
    manager.setFilesCache(new NullFilesCache());
    manager.setCacheStrategy(CacheStrategy.ON_RESOLVE);
    manager.init();
    return manager;
  }

  static FileSystemOptions options(RemoteUrl url, RemoteAccess access, HostKeyPrompt prompt) {
    FileSystemOptions options = new FileSystemOptions();
    access.password().ifPresent(password -> DefaultFileSystemConfigBuilder.getInstance()
        .setUserAuthenticator(options, new StaticUserAuthenticator(null, url.user(), password)));
    if (url.scheme() != RemoteUrl.Scheme.SFTP) {
      throw new IllegalArgumentException(url + " is not an SFTP URL: FTPS targets are FtpsStorage's");
    }
    sftp(options, url, access, prompt);
    return options;
  }

  private static void sftp(FileSystemOptions options, RemoteUrl url, RemoteAccess access, HostKeyPrompt prompt) {
    SftpFileSystemConfigBuilder sftp = SftpFileSystemConfigBuilder.getInstance();
    try {
      sftp.setStrictHostKeyChecking(options, "ask");
    } catch (FileSystemException e) {
      throw new IllegalStateException(e);
    }
    sftp.setUserInfo(options, prompt);
    sftp.setKnownHosts(options, access.knownHosts().orElseThrow(() -> new UsageException(
        "no known_hosts file for " + url, "SFTP host keys are always verified: give --known-hosts FILE "
            + "(fill it with: ssh-keyscan -p " + url.port() + " " + url.host() + " > FILE, and check the fingerprint)"))
        .toFile());
    sftp.setIdentityProvider(options, access.privateKey()
        .map(key -> new IdentityProvider[] {new BytesIdentityInfo(key, null)}).orElse(new IdentityProvider[0]));
    sftp.setPreferredAuthentications(options, access.privateKey().isPresent() ? "publickey" : "password");
    sftp.setLoadOpenSSHConfig(options, false);
    sftp.setDisableDetectExecChannel(options, true);
    sftp.setUserDirIsRoot(options, false);
    sftp.setConnectTimeout(options, access.timeout());
    sftp.setSessionTimeout(options, access.timeout());
  }

}
