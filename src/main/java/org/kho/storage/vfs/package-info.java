/**
 * Remote targets through commons-vfs2: a repository in a folder of an SFTP server (password or
 * private key; host keys verified against a known_hosts file, an unknown or changed key refused)
 * or of an FTPS server (explicit TLS; certificate chain and host name verified). The only package
 * that imports VFS, JSch or the FTP library. See {@link org.kho.storage.vfs.VfsStorage}.
 *
 * <p>Imports {@code storage} and {@code core} only. Retries, connection and bandwidth limits are
 * decorators of {@code storage}, put around these targets by {@code app}.
 */
package org.kho.storage.vfs;
