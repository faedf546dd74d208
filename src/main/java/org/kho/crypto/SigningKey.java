package org.kho.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Set;
import org.kho.core.KhoException;

/**
 * The agency's Ed25519 signing key. The private half lives in a PEM file (PKCS#8) readable by its
 * owner only; the public half ({@link #verifying()}) goes to auditors.
 */
public final class SigningKey {
  private static final String LABEL = "PRIVATE KEY";
  private final PrivateKey key;
  private final VerifyingKey verifying;

  private SigningKey(PrivateKey key, VerifyingKey verifying) {
    this.key = key;
    this.verifying = verifying;
  }

  public static SigningKey generate() {
    try {
      KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
      return new SigningKey(pair.getPrivate(), VerifyingKey.of(pair.getPublic()));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java has no Ed25519", e);
    }
  }

  /** Reads a key written by {@link #write}; refuses a file others may read. */
  public static SigningKey read(Path file) {
    return parse(readPrivate(file), file.toString());
  }

  /** Parses the PEM text of a signing key; {@code where} names its source in messages (never the text). */
  public static SigningKey parse(String pem, String where) {
    byte[] der = Pem.read(pem, LABEL).orElseThrow(() -> new KhoException(
        where + " is not a Kho signing key (no PEM block '" + LABEL + "')",
        "point to the signing.key written by 'kho key signing-init'"));
    try {
      PrivateKey key = KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
      return new SigningKey(key, VerifyingKey.derive(key));
    } catch (GeneralSecurityException e) {
      throw new KhoException(where + " does not hold an Ed25519 private key", "point to the signing.key written by 'kho key signing-init'");
    }
  }

  /** Writes the private key (mode 0600) and the public key; refuses to replace either. */
  public void write(Path privateFile, Path publicFile) throws IOException {
    if (Files.exists(privateFile) || Files.exists(publicFile)) {
      throw new FileAlreadyExistsException(Files.exists(privateFile) ? privateFile.toString() : publicFile.toString());
    }
    Path parent = privateFile.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    boolean posix = Files.getFileStore(parent).supportsFileAttributeView("posix");
    if (posix) {
      Files.createFile(privateFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } else {
      Files.createFile(privateFile);
    }
    Files.writeString(privateFile, Pem.write(LABEL, key.getEncoded()), StandardCharsets.US_ASCII);
    Files.writeString(publicFile, verifying.pem(), StandardCharsets.US_ASCII);
  }

  public byte[] sign(byte[] message) {
    try {
      Signature s = Signature.getInstance("Ed25519");
      s.initSign(key);
      s.update(message);
      return s.sign();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing failed", e);
    }
  }

  public VerifyingKey verifying() {
    return verifying;
  }

  private static String readPrivate(Path file) {
    try {
      if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
        Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
        if (perms.stream().anyMatch(p -> p.name().startsWith("GROUP") || p.name().startsWith("OTHERS"))) {
          throw new KhoException("signing key " + file + " is readable by others (" + PosixFilePermissions.toString(perms) + ")",
              "make it private: chmod 600 " + file);
        }
      }
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new KhoException("cannot read signing key " + file + ": " + e.getClass().getSimpleName(),
          "check the path, or create one with 'kho key signing-init'", e);
    }
  }
}
