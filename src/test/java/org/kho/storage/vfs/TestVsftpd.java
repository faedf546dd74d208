package org.kho.storage.vfs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A real vsftpd (Debian's {@code /usr/sbin/vsftpd}) on 127.0.0.1 for tests, in its default TLS
 * stance toward data connections ({@code require_ssl_reuse=YES}): anonymous login over explicit
 * TLS only, writable below {@code /backups}, a certificate for 127.0.0.1 made by openssl.
 * Needs root (vsftpd drops to the {@code ftp} user into a chroot); {@link #available()} says
 * whether this machine can run it.
 */
final class TestVsftpd implements AutoCloseable {
  static final String USER = "anonymous";
  private static final Path VSFTPD = Path.of("/usr/sbin/vsftpd");
  private final Process process;
  private final Path work;
  private final int port;

  private TestVsftpd(Process process, Path work, int port) {
    this.process = process;
    this.work = work;
    this.port = port;
  }

  /** Whether vsftpd and openssl are installed and this process may start vsftpd (root). */
  static boolean available() {
    return Files.isExecutable(VSFTPD) && "root".equals(System.getProperty("user.name"))
        && Files.isExecutable(Path.of("/usr/bin/openssl"));
  }

  /** Starts vsftpd on a free port; its files under a new folder of /tmp the {@code ftp} user can traverse. */
  static TestVsftpd start() throws IOException, InterruptedException {
    Path work = Files.createTempDirectory(Path.of("/tmp"), "kho-vsftpd-");
    Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path root = Files.createDirectories(work.resolve("root"));
    Path backups = Files.createDirectories(root.resolve("backups"));
    Files.createDirectories(work.resolve("empty"));
    UserPrincipal ftp = work.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("ftp");
    Files.setOwner(backups, ftp);
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x")); // vsftpd refuses a writable chroot
    run("/usr/bin/openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", work.resolve("key.pem").toString(), "-out", work.resolve("cert.pem").toString(), "-days", "2",
        "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
    int port = freePort();
    int passive = 40000 + ThreadLocalRandom.current().nextInt(200) * 100;
    Path config = Files.writeString(work.resolve("vsftpd.conf"), String.join("\n",
        "listen=YES", "listen_address=127.0.0.1", "listen_port=" + port, "background=NO",
        "anonymous_enable=YES", "local_enable=NO", "write_enable=YES", "anon_root=" + root,
        "anon_upload_enable=YES", "anon_mkdir_write_enable=YES", "anon_other_write_enable=YES", "anon_umask=022",
        "no_anon_password=YES", "secure_chroot_dir=" + work.resolve("empty"),
        "ssl_enable=YES", "allow_anon_ssl=YES", "force_anon_logins_ssl=YES", "force_anon_data_ssl=YES",
        "rsa_cert_file=" + work.resolve("cert.pem"), "rsa_private_key_file=" + work.resolve("key.pem"),
        "pasv_enable=YES", "pasv_min_port=" + passive, "pasv_max_port=" + (passive + 99),
        "seccomp_sandbox=NO", "xferlog_enable=NO", "max_per_ip=0", "max_clients=0", ""));
    Process process = new ProcessBuilder(VSFTPD.toString(), config.toString())
        .redirectErrorStream(true).redirectOutput(work.resolve("vsftpd.log").toFile()).start();
    TestVsftpd server = new TestVsftpd(process, work, port);
    server.awaitListening();
    return server;
  }

  private void awaitListening() throws IOException, InterruptedException {
    for (int attempt = 0; attempt < 100; attempt++) {
      if (!process.isAlive()) {
        throw new IOException("vsftpd stopped: " + Files.readString(work.resolve("vsftpd.log")));
      }
      try (Socket probe = new Socket()) {
        probe.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(50);
      }
    }
    throw new IOException("vsftpd does not listen on port " + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(command[0] + " failed: " + out);
    }
  }

  /** The URL of {@code path} below the writable {@code /backups}. */
  String url(String path) {
    return "ftps://" + USER + "@127.0.0.1:" + port + "/backups" + path;
  }

  /** Where {@code /backups} is on this machine. */
  Path backups() {
    return work.resolve("root/backups");
  }

  /** The server's self-signed certificate, PEM. */
  Path certificate() {
    return work.resolve("cert.pem");
  }

  @Override
  public void close() throws IOException {
    process.destroy();
    try {
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    process.destroyForcibly();
    try (var files = Files.walk(work)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    }
  }
}
