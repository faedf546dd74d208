package org.kho.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real, throw-away PostgreSQL server for tests: Debian's binaries ({@code apt-get install postgresql},
 * which {@code .ci/run} does), a fresh cluster in a temporary directory, listening on 127.0.0.1 on a free
 * port, trust authentication for the superuser {@value #USER}. Closing it stops the server and deletes the
 * cluster. When the tests run as root the server runs as the {@code postgres} system user, since PostgreSQL
 * refuses to run as root.
 *
 * <p>Where no PostgreSQL is installed the calling test is skipped, except under CI (environment {@code CI}
 * set), where that is a failure: CI must install it.
 */
public final class TestPostgres implements AutoCloseable {
  public static final String USER = "kho";
  private static final String SYSTEM_USER = "postgres";

  private final Path bin;
  private final Path home;
  private final int port;
  private final boolean asSystemUser;

  private TestPostgres(Path bin, Path home, int port, boolean asSystemUser) {
    this.bin = bin;
    this.home = home;
    this.port = port;
    this.asSystemUser = asSystemUser;
  }

  /** Creates a cluster and starts it; the caller closes it. */
  public static TestPostgres start() throws IOException, InterruptedException {
    Path bin = binaries();
    boolean root = "root".equals(System.getProperty("user.name"));
    Path home = Files.createTempDirectory("kho-pg-");
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
    TestPostgres pg = new TestPostgres(bin, home, freePort(), root);
    try {
      if (root) {
        run(List.of("chown", SYSTEM_USER + ":", home.toString()));
      }
      pg.tool("initdb", "-D", pg.data().toString(), "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync",
          "--no-instructions");
      pg.tool("pg_ctl", "-D", pg.data().toString(), "-l", home.resolve("server.log").toString(), "-w", "-t", "60",
          "-o", "-p " + pg.port + " -k " + home + " -c listen_addresses=127.0.0.1 -c fsync=off"
              + " -c synchronous_commit=off -c full_page_writes=off", "start");
      return pg;
    } catch (IOException | RuntimeException e) {
      pg.close();
      throw e;
    }
  }

  /** The directory holding {@code bin/} programs: {@code pg_dump}, {@code pg_restore}, {@code psql} … */
  public Path binaries(String program) {
    return bin.resolve(program);
  }

  public String host() {
    return "127.0.0.1";
  }

  public int port() {
    return port;
  }

  /** A JDBC URL for {@code database}. */
  public String jdbcUrl(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
  }

  /** Environment for libpq programs (psql, pg_dump, pg_restore) to reach this server as {@value #USER}. */
  public java.util.Map<String, String> libpqEnvironment() {
    return java.util.Map.of("PGHOST", host(), "PGPORT", Integer.toString(port), "PGUSER", USER);
  }

  /** Creates an empty database. */
  public void createDatabase(String name) throws IOException, InterruptedException {
    psql("postgres", "CREATE DATABASE \"" + name + "\"");
  }

  /** Runs SQL through psql and returns its unaligned, tuples-only output. */
  public String psql(String database, String sql) throws IOException, InterruptedException {
    List<String> command = List.of(bin.resolve("psql").toString(), "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1",
        "-h", host(), "-p", Integer.toString(port), "-U", USER, "-d", database, "-c", sql);
    return run(command);
  }

  @Override
  public void close() throws IOException {
    try {
      if (Files.exists(data().resolve("postmaster.pid"))) {
        tool("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "stop");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      deleteTree(home);
    }
  }

  /** The temporary directory holding the cluster, its socket and log. */
  Path directory() {
    return home;
  }

  private Path data() {
    return home.resolve("data");
  }

  private void tool(String program, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    if (asSystemUser) {
      command.addAll(List.of("runuser", "-u", SYSTEM_USER, "--"));
    }
    command.add(bin.resolve(program).toString());
    command.addAll(List.of(args));
    run(command);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IOException("timed out: " + String.join(" ", command));
    }
    if (process.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ":\n" + output);
    }
    return output.strip();
  }

  private static Path binaries() throws IOException {
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        var newest = versions.map(v -> v.resolve("bin"))
            .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_dump")))
            .max(Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0"))));
        if (newest.isPresent()) {
          return newest.get();
        }
      }
    }
    String why = "no PostgreSQL server binaries under /usr/lib/postgresql: install them (apt-get install postgresql)";
    if (System.getenv("CI") != null) {
      fail(why);
    }
    Assumptions.abort(why);
    throw new AssertionError(why);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
