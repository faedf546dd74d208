package org.kho.storage.vfs;

import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.ConcurrentLinkedDeque;
import org.apache.commons.vfs2.FileName;
import org.apache.commons.vfs2.FileSystem;
import org.apache.commons.vfs2.FileSystemException;
import org.apache.commons.vfs2.FileSystemOptions;
import org.apache.commons.vfs2.UserAuthenticationData;
import org.apache.commons.vfs2.provider.GenericFileName;
import org.apache.commons.vfs2.provider.sftp.SftpClientFactory;
import org.apache.commons.vfs2.provider.sftp.SftpFileProvider;
import org.apache.commons.vfs2.provider.sftp.SftpFileSystem;
import org.apache.commons.vfs2.provider.UriParser;
import org.apache.commons.vfs2.util.UserAuthenticatorUtils;

/**
 * VFS's SFTP provider with a pool of idle SFTP channels instead of VFS's one: VFS opens a channel
 * for each operation that finds the one idle channel taken and closes it afterwards, so a backup's
 * parallel uploads opened and closed channels all the time (a round trip or three each, and a new
 * process on an OpenSSH server). Here up to {@value #IDLE_CHANNELS} channels stay open for reuse
 * over the one login; they close with the file system.
 *
 * <p>Its file systems also {@linkplain Pooled#put upload a stream} straight into JSch's packets,
 * with none of VFS's output-stream layers.
 */
final class PooledSftpProvider extends SftpFileProvider {
  /** Idle channels kept: more than a target's default connection limit plus a few readers. */
  static final int IDLE_CHANNELS = 8;

  @Override
  protected FileSystem doCreateFileSystem(FileName name, FileSystemOptions options) throws FileSystemException {
    GenericFileName root = (GenericFileName) name;
    return new Pooled(root, login(root, options), options);
  }

  /** Logs in as VFS's own provider does: the URL's user, the options' authenticator, host keys per the options. */
  private static Session login(GenericFileName root, FileSystemOptions options) throws FileSystemException {
    UserAuthenticationData auth = null;
    try {
      auth = UserAuthenticatorUtils.authenticate(options, AUTHENTICATOR_TYPES);
      return SftpClientFactory.createConnection(root.getHostName(), root.getPort(),
          UserAuthenticatorUtils.getData(auth, UserAuthenticationData.USERNAME, UserAuthenticatorUtils.toChar(root.getUserName())),
          UserAuthenticatorUtils.getData(auth, UserAuthenticationData.PASSWORD, UserAuthenticatorUtils.toChar(root.getPassword())),
          options);
    } catch (FileSystemException e) {
      throw e;
    } catch (Exception e) {
      throw new FileSystemException("vfs.provider.sftp/connect.error", root, e);
    } finally {
      UserAuthenticatorUtils.cleanup(auth);
    }
  }

  /** The SFTP file system with the pool. */
  static final class Pooled extends SftpFileSystem {
    private final ConcurrentLinkedDeque<ChannelSftp> idle = new ConcurrentLinkedDeque<>();

    Pooled(GenericFileName root, Session session, FileSystemOptions options) {
      super(root, session, options);
    }

    @Override
    protected ChannelSftp getChannel() throws IOException {
      for (ChannelSftp channel; (channel = idle.pollFirst()) != null; ) {
        if (channel.isConnected() && !channel.isClosed()) {
          return channel;
        }
        channel.disconnect();
      }
      return super.getChannel(); // a new one (VFS's own idle channel is never filled: putChannel is ours)
    }

    @Override
    protected void putChannel(ChannelSftp channel) {
      if (channel.isConnected() && !channel.isClosed() && idle.size() < IDLE_CHANNELS) {
        idle.offerFirst(channel);
      } else {
        channel.disconnect();
      }
    }

    /**
     * Writes all of {@code in} as the file {@code file} of this file system (made or emptied) on a
     * pooled channel. JSch reads {@code in} straight into its outgoing packets. A channel that
     * failed is closed, not pooled: it may still hold the answers to writes it sent.
     */
    void put(FileName file, InputStream in) throws IOException {
      ChannelSftp channel = getChannel();
      boolean clean = false;
      try {
        channel.put(in, UriParser.decode(getRootName().getRelativeName(file)), ChannelSftp.OVERWRITE);
        clean = true;
      } catch (SftpException e) {
        throw new IOException("the upload of " + file.getPath() + " failed: " + e.getMessage(), e);
      } finally {
        if (clean) {
          putChannel(channel);
        } else {
          channel.disconnect();
        }
      }
    }

    @Override
    protected void doCloseCommunicationLink() {
      for (ChannelSftp channel; (channel = idle.pollFirst()) != null; ) {
        channel.disconnect();
      }
      super.doCloseCommunicationLink();
    }
  }
}
