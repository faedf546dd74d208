package org.kho.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's OpenSSH server on a free port of 127.0.0.1, for the SFTP steps of the AOT training
 * ({@link AotTraining}): host and client keys made with {@code ssh-keygen} for this run, login as
 * the current user with the client key only, nothing else allowed. The same set-up as
 * {@code bench/sftp} with {@code KHO_BENCH_SSHD=1}. It runs until {@link #close()}.
 */
final class TrainingSshd implements AutoCloseable {
  private static final Path SSHD = Path.of("/usr/sbin/sshd");
  private static final Path KEYGEN = Path.of("/usr/bin/ssh-keygen");
  /** sshd refuses to start without its privilege separation folder (the package's service makes it). */
  private static final Path PRIVSEP = Path.of("/run/sshd");
  private static final long START_MILLIS = 10_000;

  private final Process process;
  private final Path dir;
  private final int port;

  /** Why no server could be started; the training then leaves SFTP out. */
  static final class Unavailable extends Exception {
    Unavailable(String why) {
      super(why);
    }
  }

  private TrainingSshd(Process process, Path dir, int port) {
    this.process = process;
    this.dir = dir;
    this.port = port;
  }

  /** Starts a server whose keys and files are in {@code dir} (made if missing). */
  static TrainingSshd start(Path dir) throws Unavailable, IOException {
    if (!Files.isExecutable(SSHD) || !Files.isExecutable(KEYGEN)) {
      throw new Unavailable("no " + SSHD + " or " + KEYGEN + " (Debian package openssh-server)");
    }
    try {
      Files.createDirectories(PRIVSEP);
    } catch (IOException e) {
      throw new Unavailable(PRIVSEP + " is missing and cannot be made by this user");
    }
    Files.createDirectories(dir);
    keygen(dir.resolve("host_key"));
    keygen(dir.resolve("client_key"));
    Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
    int port = freePort();
    Files.writeString(dir.resolve("sshd_config"), String.join("\n",
        "Port " + port,
        "ListenAddress 127.0.0.1",
        "PidFile none", // never the system server's /run/sshd.pid
        "HostKey " + dir.resolve("host_key").toAbsolutePath(),
        "AuthorizedKeysFile " + dir.resolve("authorized_keys").toAbsolutePath(),
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "PermitRootLogin prohibit-password",
        "AllowUsers " + System.getProperty("user.name"),
        "UsePAM no",
        "StrictModes no",
        "Subsystem sftp internal-sftp", ""));
    String[] hostKey = Files.readString(dir.resolve("host_key.pub")).trim().split("\\s+", 3); // type, key, comment
    Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + port + " " + hostKey[0] + " " + hostKey[1] + "\n");
    Process p = new ProcessBuilder(SSHD.toString(), "-D", "-f", dir.resolve("sshd_config").toAbsolutePath().toString(),
        "-E", log(dir).toAbsolutePath().toString())
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    TrainingSshd server = new TrainingSshd(p, dir, port);
    server.awaitListening();
    return server;
  }

  /** {@code sftp://USER@127.0.0.1:PORT/ABSOLUTE-PATH} of {@code repo}. */
  String url(Path repo) {
    return "sftp://" + System.getProperty("user.name") + "@127.0.0.1:" + port + repo.toAbsolutePath();
  }

  /** The options that let kho in: the server's host key and the client key. */
  List<String> options() {
    return List.of("--known-hosts", dir.resolve("known_hosts").toString(),
        "--identity-file", dir.resolve("client_key").toString());
  }

  /** The server's own log. */
  Path log() {
    return log(dir);
  }

  private static Path log(Path dir) {
    return dir.resolve("sshd.log");
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private void awaitListening() throws Unavailable {
    long deadline = System.currentTimeMillis() + START_MILLIS;
    while (System.currentTimeMillis() < deadline && process.isAlive()) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    close();
    throw new Unavailable("sshd did not listen on 127.0.0.1:" + port + " (see " + log() + ")");
  }

  private static void keygen(Path key) throws IOException, Unavailable {
    try {
      Process p = new ProcessBuilder(KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-f", key.toString())
          .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new Unavailable("ssh-keygen could not make " + key);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Unavailable("interrupted while making " + key);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
