package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.kho.crypto.Argon2id;
import org.kho.repository.Credential;
import org.kho.repository.Host;
import org.kho.repository.Repository;
import org.kho.storage.local.LocalStorage;

/**
 * The packaged jar ({@code kho.jar}, set by failsafe) run as a user would: its own JVM, a clean
 * environment (no {@code KHO_*} variables but those given), output captured in files.
 */
final class Kho {
  /** The cost a test repository's key slot is made with: the CLI opens it in milliseconds, not seconds. */
  static final Argon2id CHEAP_KDF = new Argon2id(64, 1, 1);

  private Kho() {}

  /** How a finished run ended. */
  record Run(int code, String out, String err) {}

  /** Runs {@code kho args} to its end. */
  static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
    return run(process(env, List.of(), args));
  }

  /** Runs {@code kho command --repo repo args}, e.g. {@code run(env, repo, "check", "--read-data")}. */
  static Run run(Map<String, String> env, Path repo, String command, String... args)
      throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of(command, "--repo", repo.toString()));
    all.addAll(List.of(args));
    return run(env, all.toArray(String[]::new));
  }

  /** Runs a process built by {@link #process} to its end; it must finish within two minutes. */
  static Run run(ProcessBuilder pb) throws IOException, InterruptedException {
    Path out = Files.createTempFile("kho-out", ".txt");
    Path err = Files.createTempFile("kho-err", ".txt");
    try {
      Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      boolean finished = p.waitFor(120, TimeUnit.SECONDS);
      if (!finished) {
        p.destroyForcibly().waitFor();
      }
      assertThat(finished).as("kho %s finished within two minutes", pb.command()).isTrue();
      return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /**
   * A process running {@code wrapper... bin/kho-java args}: the packaged jar with the JVM options,
   * heap cap and AOT cache of {@code ./kho}, on this test's JDK. {@code wrapper} is a command that
   * runs the rest (e.g. one that drops privileges), or empty. Standard input is empty.
   */
  static ProcessBuilder process(Map<String, String> env, List<String> wrapper, String... args) {
    List<String> command = new ArrayList<>(wrapper);
    command.add(Path.of("bin/kho-java").toAbsolutePath().toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    pb.environment().keySet().removeIf(name -> name.startsWith("KHO_"));
    pb.environment().put("KHO_JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    return pb;
  }

  /**
   * A config directory for drill tests: {@code kho init TMP/cfg}, less the shipped drill plans (they
   * name the items of the example catalogue), and a new agency signing key in {@code TMP/signing/}
   * ({@code signing.key}, {@code signing.pub}). Returns the config directory.
   */
  static Path drillConfig(Path tmp) throws Exception {
    java.nio.file.Files.createDirectories(tmp.resolve("signing"));
    org.kho.crypto.SigningKey.generate().write(tmp.resolve("signing/signing.key"), tmp.resolve("signing/signing.pub"));
    Path dir = tmp.resolve("cfg");
    Run init = run(Map.of(), "init", dir.toString());
    if (init.code() != 0) {
      throw new IllegalStateException("kho init " + dir + " failed: " + init.err());
    }
    try (var shipped = java.nio.file.Files.list(dir.resolve("restore-drills"))) {
      for (Path p : shipped.toList()) {
        java.nio.file.Files.delete(p);
      }
    }
    return dir;
  }

  /**
   * Creates a repository at {@code dir} as {@code kho repo init} would, but with a key slot that
   * costs little to open, so that tests running kho many times spend their time on the work.
   */
  static void cheapRepository(Path dir, String password) {
    Repository.init(LocalStorage.create(dir), Credential.passphrase(password),
        new Repository.Options(Clock.systemUTC(), new Host(), CHEAP_KDF)).close();
  }

  /** Opens the repository at {@code dir} in this JVM (for what the CLI cannot do, e.g. hold a lock). */
  static Repository open(Path dir, String password) {
    return Repository.open(LocalStorage.open(dir), Credential.passphrase(password),
        new Repository.Options(Clock.systemUTC(), new Host(), CHEAP_KDF));
  }
}
