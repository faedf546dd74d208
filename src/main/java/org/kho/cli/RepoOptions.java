package org.kho.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.kho.app.Targets;
import org.kho.core.UsageException;
import org.kho.repository.Credential;
import org.kho.repository.Repository;
import org.kho.storage.Storage;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the repository is and how to open it. Secrets come from a file or the environment (or a
 * prompt on a terminal), never from the command line.
 */
final class RepoOptions {
  @Option(names = {"-r", "--repo"}, paramLabel = "DIR|URL", defaultValue = "${env:KHO_REPOSITORY}",
      description = "The repository: a folder, or sftp://USER@HOST[:PORT]/PATH or ftps://USER@HOST[:PORT]/PATH "
          + "(PATH absolute on the server). Default: $KHO_REPOSITORY.")
  String repo;

  @Mixin
  RemoteOptions remote = new RemoteOptions();

  @Option(names = "--password-file", paramLabel = "FILE", defaultValue = "${env:KHO_PASSWORD_FILE}",
      description = "Read the repository password (or a recovery key) from FILE. Default: $KHO_PASSWORD_FILE, "
          + "then $KHO_PASSWORD, then a prompt on a terminal.")
  Path passwordFile;

  @Option(names = "--key-file", paramLabel = "FILE", defaultValue = "${env:KHO_KEY_FILE}",
      description = "Open with a key file instead of a password. Default: $KHO_KEY_FILE.")
  Path keyFile;

  /** The folder or URL of the repository. */
  String location() {
    if (repo == null || repo.isBlank()) {
      throw new UsageException("no repository given", "pass --repo DIR (or an sftp:// or ftps:// URL) or set KHO_REPOSITORY");
    }
    return repo;
  }

  Storage existingStorage() {
    return new Targets(System.getenv()).open(location(), remote.remote());
  }

  /** Where a new repository goes: a new or empty folder, or a remote folder. */
  Storage newStorage() {
    return new Targets(System.getenv()).create(location(), remote.remote());
  }

  Repository open(Clock clock) {
    return open(Repository.Options.defaults(clock));
  }

  Repository open(Repository.Options options) {
    return Repository.open(existingStorage(), credential(false), options);
  }

  /** {@link #open} for a command that may read or write much data: the crypto warm-up is armed. */
  Repository openForData(Clock clock) {
    return open(Repository.Options.defaults(clock).forBulkData());
  }

  Credential credential(boolean confirm) {
    if (keyFile != null) {
      return Credential.keyFile(read(keyFile, "key file"));
    }
    return passphrase(passwordFile, "KHO_PASSWORD", "Repository password", confirm);
  }

  /** A passphrase from {@code file}, else the environment variable, else a prompt. */
  static Credential passphrase(Path file, String env, String prompt, boolean confirm) {
    if (file != null) {
      return parse(new String(read(file, "password file"), StandardCharsets.UTF_8), "the password file " + file);
    }
    String fromEnv = System.getenv(env);
    if (fromEnv != null && !fromEnv.isEmpty()) {
      return parse(fromEnv, "$" + env);
    }
    Console console = System.console();
    if (console == null) {
      throw new UsageException("no password given", "pass --password-file FILE, or set KHO_PASSWORD_FILE or KHO_PASSWORD");
    }
    char[] first = console.readPassword("%s: ", prompt);
    if (confirm && !java.util.Arrays.equals(first, console.readPassword("%s again: ", prompt))) {
      throw new UsageException("the two passwords differ", "run the command again");
    }
    return parse(new String(first), "the prompt");
  }

  private static Credential parse(String text, String where) {
    try {
      return Credential.passphrase(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException(where + " holds an empty password", "write the password on its first line");
    }
  }

  static byte[] read(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UsageException("the " + what + " " + file + " does not exist", "check the path");
    } catch (java.nio.file.AccessDeniedException e) {
      throw new UsageException("the " + what + " " + file + " cannot be read: permission denied",
          "run as a user who may read it, or fix its permissions");
    } catch (IOException e) {
      throw new UsageException("cannot read the " + what + " " + file + " (" + e.getMessage() + ")",
          "check the path and its permissions");
    }
  }
}
