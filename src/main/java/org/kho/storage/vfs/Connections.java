package org.kho.storage.vfs;

import java.time.Duration;
import org.apache.commons.vfs2.CacheStrategy;
import org.apache.commons.vfs2.FileSystemException;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.auth.StaticUserAuthenticator;
import org.apache.commons.vfs2.cache.NullFilesCache;
import org.apache.commons.vfs2.impl.DefaultFileSystemConfigBuilder;
import org.apache.commons.vfs2.impl.DefaultFileSystemManager;
import org.apache.commons.vfs2.provider.ftp.FtpFileType;
import org.apache.commons.vfs2.provider.ftps.FtpsDataChannelProtectionLevel;
import org.apache.commons.vfs2.provider.ftps.FtpsFileSystemConfigBuilder;
import org.apache.commons.vfs2.provider.ftps.FtpsMode;
import org.apache.commons.vfs2.provider.sftp.BytesIdentityInfo;
import org.apache.commons.vfs2.provider.sftp.IdentityProvider;
import org.apache.commons.vfs2.provider.sftp.SftpFileProvider;
import org.apache.commons.vfs2.provider.sftp.SftpFileSystemConfigBuilder;
import org.kho.core.UsageException;

/**
 * The VFS settings of a remote target, safe by default where VFS is not: host keys and
 * certificates always verified, no exec channel (whose probe hangs against SFTP-only servers),
 * timeouts on connecting and on every wait for the server, nothing read from the user's
 * {@code ~/.ssh}, binary transfers, paths absolute on the server.
 */
final class Connections {
  private Connections() {}

  /** A file-system manager of its own for one target, with no cache (objects change under us). */
  static DefaultFileSystemManager manager() throws FileSystemException {
    DefaultFileSystemManager manager = new DefaultFileSystemManager();
    manager.addProvider("sftp", new SftpFileProvider());
    manager.addProvider("ftps", new PooledFtpsProvider());
    manager.setFilesCache(new NullFilesCache());
    manager.setCacheStrategy(CacheStrategy.ON_RESOLVE);
    manager.init();
    return manager;
  }

  static FileSystemOptions options(RemoteUrl url, RemoteAccess access, HostKeyPrompt prompt) {
    FileSystemOptions options = new FileSystemOptions();
    access.password().ifPresent(password -> DefaultFileSystemConfigBuilder.getInstance()
        .setUserAuthenticator(options, new StaticUserAuthenticator(null, url.user(), password)));
    switch (url.scheme()) {
      case SFTP -> sftp(options, url, access, prompt);
      case FTPS -> ftps(options, url, access);
    }
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

  private static void ftps(FileSystemOptions options, RemoteUrl url, RemoteAccess access) {
    FtpsFileSystemConfigBuilder ftps = FtpsFileSystemConfigBuilder.getInstance();
    ftps.setFtpsMode(options, FtpsMode.EXPLICIT);
    ftps.setDataChannelProtectionLevel(options, FtpsDataChannelProtectionLevel.P);
    ftps.setTrustManager(options, ServerCertificates.forHost(access.trustedCertificates(), url.host()));
    ftps.setFileType(options, FtpFileType.BINARY);
    ftps.setPassiveMode(options, true);
    ftps.setUserDirIsRoot(options, false);
    Duration timeout = access.timeout();
    ftps.setConnectTimeout(options, timeout);
    ftps.setSoTimeout(options, timeout);
    ftps.setDataTimeout(options, timeout);
  }
}
