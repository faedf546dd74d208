package org.kho.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.Callable;
import org.kho.core.UsageException;
import org.kho.crypto.SigningKey;
import org.kho.repository.Credential;
import org.kho.repository.KeySlotInfo;
import org.kho.repository.Repository;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code kho key}: key slots of a repository, and the agency signing key. */
@Command(name = "key", mixinStandardHelpOptions = true,
    description = {"Manage the keys that open a repository, and the agency's signing key.",
        "Every key slot wraps the same master key: adding or removing one never re-encrypts data."},
    subcommands = {KeyCommand.Add.class, KeyCommand.ListKeys.class, KeyCommand.Remove.class, KeyCommand.Passwd.class,
        KeyCommand.SigningInit.class, KeyCommand.SigningPublic.class})
final class KeyCommand extends CommandGroup {
  /** The new key of {@code add}: exactly one kind. */
  static final class NewKey {
    @Option(names = "--new-password-file", paramLabel = "FILE", description = "A new password, read from FILE.")
    Path passwordFile;
    @Option(names = "--new-key-file", paramLabel = "FILE", description = "Create FILE (mode 600) with a random key and add it.")
    Path keyFile;
    @Option(names = "--recovery", description = "Make a recovery key, print it once, and add it. Store it offline.")
    boolean recovery;
  }

  /** {@code kho key add}. */
  @Command(name = "add", mixinStandardHelpOptions = true, description = "Add a key slot: a password, a key file or a recovery key.")
  static final class Add implements Callable<Integer> {
    private final Clock clock;
    @Mixin
    private RepoOptions repo;
    @ArgGroup(exclusive = true, multiplicity = "1")
    private NewKey key;
    @Option(names = "--label", paramLabel = "TEXT", description = "What the slot is for (e.g. 'backup officer').")
    private String label;
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    Add(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      try (Repository r = repo.open(clock)) {
        if (key.recovery) {
          String recovery = Repository.newRecoveryKey();
          String id = r.addKey(Credential.passphrase(recovery), label == null ? "recovery key" : label);
          out.println("Added recovery key slot " + id + ". Write this key down and store it offline; it is shown only once:");
          out.println();
          out.println("    " + recovery);
          out.println();
          out.println("It opens the repository wherever a password is asked for (e.g. in --password-file).");
        } else if (key.keyFile != null) {
          String id = r.addKey(Credential.keyFile(writeKeyFile(key.keyFile)), label == null ? "key file" : label);
          out.println("Added key-file slot " + id + "; the key is in " + key.keyFile + " (use it with --key-file)");
        } else {
          Credential c = RepoOptions.passphrase(key.passwordFile, "KHO_NEW_PASSWORD", "New password", true);
          out.println("Added password slot " + r.addKey(c, label == null ? "password" : label));
        }
      }
      return ExitCodes.OK;
    }

    private static byte[] writeKeyFile(Path file) throws IOException {
      if (Files.exists(file)) {
        throw new UsageException("the key file " + file + " exists already", "give a new path; Kho never overwrites a key");
      }
      byte[] secret = new byte[48];
      new SecureRandom().nextBytes(secret);
      byte[] text = (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.write(file, text);
      return text;
    }
  }

  /** {@code kho key list}. */
  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the key slots (never the keys).")
  static final class ListKeys implements Callable<Integer> {
    private final Clock clock;
    @Mixin
    private RepoOptions repo;
    @Option(names = "--json", description = "Print the slots as JSON.")
    private boolean json;
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    ListKeys(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Repository r = repo.open(clock)) {
        if (json) {
          out.println(Json.write(r.keySlots()));
          return ExitCodes.OK;
        }
        Table t = new Table(" ", "ID", "KIND", "LABEL", "CREATED", "HOST");
        for (KeySlotInfo s : r.keySlots()) {
          t.row(s.id().equals(r.currentSlot()) ? "*" : "", s.id(), s.kind(), s.label(), s.created(), s.host());
        }
        t.print(out, "");
        out.println("* the slot this command opened with");
      }
      return ExitCodes.OK;
    }
  }

  /** {@code kho key remove}. */
  @Command(name = "remove", mixinStandardHelpOptions = true, description = "Remove a key slot (not the last, not the one in use).")
  static final class Remove implements Callable<Integer> {
    private final Clock clock;
    @Mixin
    private RepoOptions repo;
    @Parameters(paramLabel = "ID", description = "The slot id from 'kho key list' (a unique prefix will do).")
    private String id;
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    Remove(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      try (Repository r = repo.open(clock)) {
        r.removeKey(id);
        spec.commandLine().getOut().println("Removed key slot " + id);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code kho key passwd}. */
  @Command(name = "passwd", mixinStandardHelpOptions = true,
      description = "Change the password: add a slot with the new one and remove the slot the old one opened.")
  static final class Passwd implements Callable<Integer> {
    private final Clock clock;
    @Mixin
    private RepoOptions repo;
    @Option(names = "--new-password-file", paramLabel = "FILE", description = "Read the new password from FILE "
        + "(default: $KHO_NEW_PASSWORD, then a prompt).")
    private Path newPasswordFile;
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    Passwd(Clock clock) {
      this.clock = clock;
    }

    @Override
    public Integer call() {
      try (Repository r = repo.open(clock)) {
        Credential c = RepoOptions.passphrase(newPasswordFile, "KHO_NEW_PASSWORD", "New password", true);
        String old = r.currentSlot();
        String added = r.changeKey(c, "password");
        spec.commandLine().getOut().println("Password changed: slot " + added + " replaces " + old);
      }
      return ExitCodes.OK;
    }
  }

  /** {@code kho key signing-init}. */
  @Command(name = "signing-init", mixinStandardHelpOptions = true,
      description = {"Create the agency's Ed25519 signing key: signing.key (private, mode 600) and signing.pub (for auditors).",
          "Backups given --signing-key sign every snapshot; 'kho evidence verify' checks them with signing.pub alone."})
  static final class SigningInit implements Callable<Integer> {
    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for signing.key and signing.pub.")
    private Path out;
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      SigningKey key = SigningKey.generate();
      Path priv = out.resolve("signing.key");
      Path pub = out.resolve("signing.pub");
      if (Files.exists(priv) || Files.exists(pub)) {
        throw new UsageException(out + " already holds a signing key", "Kho never replaces a signing key; choose another folder");
      }
      key.write(priv, pub);
      PrintWriter o = spec.commandLine().getOut();
      o.println("Created signing key " + key.verifying().fingerprint());
      o.println("  private: " + priv + "  (keep it on the backup host only; back it up offline)");
      o.println("  public:  " + pub + "  (give it to auditors)");
      return ExitCodes.OK;
    }
  }

  /** {@code kho key signing-public}. */
  @Command(name = "signing-public", mixinStandardHelpOptions = true, description = "Print the public half of a signing key, for auditors.")
  static final class SigningPublic implements Callable<Integer> {
    @Option(names = "--signing-key", required = true, paramLabel = "FILE", description = "The private signing key file.")
    private Path file;
    @Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      SigningKey key = SigningKey.read(file);
      spec.commandLine().getOut().print(key.verifying().pem());
      spec.commandLine().getErr().println("fingerprint " + key.verifying().fingerprint());
      return ExitCodes.OK;
    }
  }
}
