package org.kho.storage.vfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.ftplet.Authority;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.apache.ftpserver.ssl.SslConfigurationFactory;
import org.apache.ftpserver.usermanager.ClearTextPasswordEncryptor;
import org.apache.ftpserver.usermanager.PropertiesUserManagerFactory;
import org.apache.ftpserver.usermanager.impl.BaseUser;
import org.apache.ftpserver.usermanager.impl.ConcurrentLoginPermission;
import org.apache.ftpserver.usermanager.impl.WritePermission;

/**
 * A real FTPS server (Apache FtpServer, explicit TLS with a self-signed certificate for 127.0.0.1
 * made by keytool) for tests: user {@value #USER} with the password {@link #password()}, whose
 * "/" is a local folder; {@link #certificate()} is the server's certificate as PEM.
 */
final class TestFtpsServer implements AutoCloseable {
  static final String USER = "kho";
  private static final String STORE_PASSWORD = "changeit";
  private final FtpServer server;
  private final Listener listener;
  private final Path work;

  private TestFtpsServer(FtpServer server, Listener listener, Path work) {
    this.server = server;
    this.listener = listener;
    this.work = work;
  }

  static TestFtpsServer start(Path root, Path work) throws IOException, InterruptedException, FtpException {
    Files.createDirectories(root);
    Files.createDirectories(work);
    Path keyStore = work.resolve("server.p12");
    keytool("-genkeypair", "-alias", "ftps", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=127.0.0.1",
        "-ext", "SAN=ip:127.0.0.1", "-validity", "2", "-keystore", keyStore.toString(), "-storetype", "PKCS12",
        "-storepass", STORE_PASSWORD);
    keytool("-exportcert", "-rfc", "-alias", "ftps", "-keystore", keyStore.toString(), "-storepass", STORE_PASSWORD,
        "-file", work.resolve("server.pem").toString());

    SslConfigurationFactory ssl = new SslConfigurationFactory();
    ssl.setKeystoreFile(keyStore.toFile());
    ssl.setKeystoreType("PKCS12");
    ssl.setKeystorePassword(STORE_PASSWORD);
    SslConfiguration tls = ssl.createSslConfiguration();
    DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
    data.setSslConfiguration(tls);
    data.setPassiveAddress("127.0.0.1");
    ListenerFactory listeners = new ListenerFactory();
    listeners.setServerAddress("127.0.0.1");
    listeners.setPort(0);
    listeners.setSslConfiguration(tls);
    listeners.setImplicitSsl(false);
    listeners.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
    Listener listener = listeners.createListener();

    FtpServerFactory factory = new FtpServerFactory();
    factory.addListener("default", listener);
    PropertiesUserManagerFactory users = new PropertiesUserManagerFactory();
    users.setFile(Files.writeString(work.resolve("users.properties"), "").toFile());
    users.setPasswordEncryptor(new ClearTextPasswordEncryptor());
    factory.setUserManager(users.createUserManager());
    BaseUser user = new BaseUser();
    user.setName(USER);
    user.setPassword(password());
    user.setHomeDirectory(root.toAbsolutePath().toString());
    user.setAuthorities(List.<Authority>of(new WritePermission(), new ConcurrentLoginPermission(0, 0)));
    factory.getUserManager().save(user);
    FtpServer server = factory.createServer();
    server.start();
    return new TestFtpsServer(server, listener, work);
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("keytool failed: " + out);
    }
  }

  static String password() {
    return "ftps-test-password";
  }

  int port() {
    return listener.getPort();
  }

  String url(String path) {
    return "ftps://" + USER + "@127.0.0.1:" + port() + path;
  }

  /** How many logins the server has accepted since it started. */
  int logins() {
    return ((org.apache.ftpserver.impl.DefaultFtpServer) server).getServerContext().getFtpStatistics().getTotalLoginNumber();
  }

  /** The server's self-signed certificate, PEM. */
  Path certificate() {
    return work.resolve("server.pem");
  }

  @Override
  public void close() {
    server.stop();
  }
}
