package org.kho.storage.vfs;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;

/**
 * A real SFTP server (Apache MINA SSHD) on 127.0.0.1 for tests and the SFTP benchmark: the server's
 * "/" is a local folder; user {@value #USER} logs in with the password in {@link #passwordFile()}
 * or the private key in {@link #privateKey()}; {@link #knownHosts()} holds its host key.
 *
 * <p>{@code main ROOT WORK} runs one until its standard input closes, writing the port to
 * {@code WORK/port} (used by {@code bench/sftp}).
 */
public final class TestSftpServer implements AutoCloseable {
  public static final String USER = "kho";
  private final SshServer server;
  private final Path work;

  private TestSftpServer(SshServer server, Path work) {
    this.server = server;
    this.work = work;
  }

  /** Starts a server whose "/" is {@code root}, keeping its keys and files in {@code work}. */
  public static TestSftpServer start(Path root, Path work) throws IOException, GeneralSecurityException {
    Files.createDirectories(root);
    Files.createDirectories(work);
    String password = "pw-" + Long.toHexString(System.nanoTime());
    Files.writeString(work.resolve("password"), password + "\n");
    KeyPair client = clientKey(work.resolve("id_rsa"));
    SshServer server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    CoreModuleProperties.TCP_NODELAY.set(server, true);
    SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider(work.resolve("host-key"));
    server.setKeyPairProvider(hostKeys);
    server.setPasswordAuthenticator((user, given, session) -> USER.equals(user) && password.equals(given));
    server.setPublickeyAuthenticator((user, key, session) -> USER.equals(user) && KeyUtils.compareKeys(key, client.getPublic()));
    server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
    server.setFileSystemFactory(new VirtualFileSystemFactory(root.toAbsolutePath()));
    server.start();
    TestSftpServer started = new TestSftpServer(server, work);
    started.writeKnownHosts(hostKeys.loadKeys(null).iterator().next().getPublic());
    return started;
  }

  private static KeyPair clientKey(Path file) throws GeneralSecurityException, IOException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    Files.writeString(file, pem);
    return pair;
  }

  private void writeKnownHosts(PublicKey hostKey) throws IOException {
    Files.writeString(knownHosts(), "[127.0.0.1]:" + port() + " " + PublicKeyEntry.toString(hostKey) + "\n");
  }

  public int port() {
    return server.getPort();
  }

  /** {@code sftp://kho@127.0.0.1:PORT} + {@code path}. */
  public String url(String path) {
    return "sftp://" + USER + "@" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port() + path;
  }

  /** A known_hosts file holding this server's host key. */
  public Path knownHosts() {
    return work.resolve("known_hosts");
  }

  /** A file holding the password of {@value #USER}. */
  public Path passwordFile() {
    return work.resolve("password");
  }

  /** An unencrypted private key (PKCS#8 PEM) the server accepts for {@value #USER}. */
  public Path privateKey() {
    return work.resolve("id_rsa");
  }

  @Override
  public void close() throws IOException {
    server.stop(true);
  }

  public static void main(String[] args) throws Exception {
    try (TestSftpServer server = start(Path.of(args[0]), Path.of(args[1]))) {
      Files.writeString(Path.of(args[1], "port"), server.port() + "\n");
      System.in.transferTo(java.io.OutputStream.nullOutputStream());
    }
  }
}
