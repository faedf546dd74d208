/**
 * Remote targets, chosen by {@link org.kho.storage.vfs.RemoteStorage}: a repository in a folder of
 * an SFTP server through commons-vfs2 and JSch (password or private key; host keys verified
 * against a known_hosts file, an unknown or changed key refused; {@link
 * org.kho.storage.vfs.VfsStorage}), or of an FTPS server through commons-net (explicit TLS;
 * certificate chain and host name verified; data connections resume the control connection's
 * TLS session; {@link org.kho.storage.vfs.FtpsStorage}). The only package that imports VFS, JSch
 * or the FTP library.
 *
 * <p>Imports {@code storage}, {@code core}, and {@code crypto} for the system's OpenSSL under
 * JSch's AES-GCM ({@link org.kho.storage.vfs.SshAesGcm}) and random bytes ({@link
 * org.kho.storage.vfs.SshRandom}). Retries, connection and bandwidth limits are
 * decorators of {@code storage}, put around these targets by {@code app}.
 */
package org.kho.storage.vfs;
