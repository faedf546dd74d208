package org.kho.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.kho.crypto.Aead;
import org.kho.crypto.Argon2id;
import org.kho.crypto.AuthenticationFailedException;
import org.kho.crypto.Hkdf;
import org.kho.crypto.Sha256;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

/**
 * The key slots of a repository: each wraps the same master key, so adding or removing one never
 * re-encrypts data. Opening tries every slot that could match the credential.
 */
final class KeyRing {
  private static final byte[] AAD = "kho key slot v1".getBytes(StandardCharsets.US_ASCII);
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Storage storage;
  private final ObjectMapper json;
  private final Argon2id kdf;

  KeyRing(Storage storage, ObjectMapper json, Argon2id kdf) {
    this.storage = storage;
    this.json = json;
    this.kdf = kdf;
  }

  /** A master key and the slot that opened it. */
  record Opened(MasterKey key, ObjectName slot) {}

  Opened open(Credential credential) {
    List<ObjectName> names = storage.list(ObjectKind.KEY).stream().map(Storage.ObjectInfo::name).toList();
    int tried = 0;
    for (ObjectName name : names) {
      KeySlot slot = read(name);
      byte[] kek = kek(slot, credential);
      if (kek == null) {
        continue;
      }
      tried++;
      try {
        byte[] material = new Aead(kek).open(Base64.getDecoder().decode(slot.sealed()), AAD);
        return new Opened(MasterKey.of(material), name);
      } catch (AuthenticationFailedException e) {
        // not this slot
      }
    }
    throw new RepositoryException.WrongKey(storage.describe(), tried);
  }

  /** Adds a slot for {@code credential}; a passphrase that reads as a recovery key becomes a recovery slot. */
  ObjectName add(MasterKey key, Credential credential, String label, Clock clock, String host) {
    boolean recovery = credential.asRecoveryKey().isPresent();
    String kind = credential.kind() == Credential.Kind.KEY_FILE ? KeySlot.KEY_FILE : recovery ? KeySlot.RECOVERY : KeySlot.PASSPHRASE;
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    KeySlot.Kdf params = kind.equals(KeySlot.PASSPHRASE)
        ? new KeySlot.Kdf("argon2id", kdf.memoryKiB(), kdf.iterations(), kdf.parallelism()) : null;
    KeySlot draft = new KeySlot(1, kind, label, clock.instant(), host, params, Base64.getEncoder().encodeToString(salt), null);
    byte[] sealed = new Aead(kek(draft, credential)).seal(key.material(), 0, MasterKey.BYTES, AAD);
    KeySlot slot = new KeySlot(1, kind, label, draft.created(), host, params, draft.salt(),
        Base64.getEncoder().encodeToString(sealed));
    byte[] bytes = write(slot);
    ObjectName name = ObjectName.of(ObjectKind.KEY, Sha256.hex(bytes));
    storage.create(name, bytes);
    return name;
  }

  List<KeySlotInfo> list() {
    List<KeySlotInfo> out = new ArrayList<>();
    for (Storage.ObjectInfo info : storage.list(ObjectKind.KEY)) {
      KeySlot s = read(info.name());
      out.add(new KeySlotInfo(info.name().name().substring(0, 8), s.kind(), s.label(), s.created(), s.host()));
    }
    out.sort(Comparator.comparing(KeySlotInfo::created));
    return out;
  }

  /** The slot whose name starts with {@code prefix}; refuses ambiguous or unknown prefixes. */
  ObjectName find(String prefix) {
    List<ObjectName> hits = storage.list(ObjectKind.KEY).stream().map(Storage.ObjectInfo::name)
        .filter(n -> n.name().startsWith(prefix.toLowerCase(java.util.Locale.ROOT))).toList();
    if (hits.size() != 1) {
      throw new org.kho.core.UsageException((hits.isEmpty() ? "no key slot" : "more than one key slot")
          + " has an id starting with '" + prefix + "'", "'kho key list' shows the ids");
    }
    return hits.getFirst();
  }

  int count() {
    return storage.list(ObjectKind.KEY).size();
  }

  void remove(ObjectName slot) {
    storage.delete(slot);
  }

  /** A fresh recovery key: 256 random bits as eight dash-separated groups of hex digits. */
  static String newRecoveryKey() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    String hex = HexFormat.of().formatHex(b);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 8) {
      out.append(i == 0 ? "" : "-").append(hex, i, i + 8);
    }
    return out.toString();
  }

  /** The key-encryption key this credential gives for this slot, or null if it cannot match. */
  private byte[] kek(KeySlot slot, Credential credential) {
    byte[] salt = Base64.getDecoder().decode(slot.salt());
    return switch (slot.kind()) {
      case KeySlot.PASSPHRASE -> credential.kind() == Credential.Kind.PASSPHRASE
          ? new Argon2id(slot.kdf().memoryKiB(), slot.kdf().iterations(), slot.kdf().parallelism())
              .derive(credential.secret(), salt, Aead.KEY_BYTES) : null;
      case KeySlot.RECOVERY -> credential.asRecoveryKey()
          .map(k -> Hkdf.derive(k, salt, "kho recovery slot v1", Aead.KEY_BYTES)).orElse(null);
      case KeySlot.KEY_FILE -> credential.kind() == Credential.Kind.KEY_FILE
          ? Hkdf.derive(Sha256.of(credential.secret()), salt, "kho key-file slot v1", Aead.KEY_BYTES) : null;
      default -> null;
    };
  }

  private KeySlot read(ObjectName name) {
    try {
      return json.readValue(storage.read(name), KeySlot.class);
    } catch (IOException e) {
      throw new RepositoryException.Damaged("key slot " + name + " is unreadable: " + e.getClass().getSimpleName(), e);
    }
  }

  private byte[] write(KeySlot slot) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(slot);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
