package org.kho.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.kho.crypto.Aead;
import org.kho.crypto.AuthenticationFailedException;
import org.kho.crypto.Sha256;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

/**
 * Writes and reads the small sealed objects (index, snapshot, lock): sealed under the file key with
 * the kind as associated data, so one kind can never be passed off as another; named by the SHA-256
 * of the sealed bytes, so a changed byte is seen before decryption.
 */
final class SealedObjects {
  private final Storage storage;
  private final Aead fileKey;

  SealedObjects(Storage storage, MasterKey master) {
    this.storage = storage;
    this.fileKey = master.fileKey();
  }

  ObjectName write(ObjectKind kind, byte[] plain) {
    byte[] sealed = fileKey.seal(plain, 0, plain.length, aad(kind));
    ObjectName name = ObjectName.of(kind, Sha256.hex(sealed));
    storage.create(name, sealed);
    return name;
  }

  ObjectName writeJson(ObjectKind kind, Object value) {
    try {
      return write(kind, Json.MAPPER.writeValueAsBytes(value));
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise " + kind, e);
    }
  }

  byte[] read(ObjectName name) {
    byte[] sealed = storage.read(name);
    if (!Sha256.hex(sealed).equals(name.name())) {
      throw new RepositoryException.Damaged(name + " does not match its name (its bytes were changed)", null);
    }
    try {
      return fileKey.open(sealed, aad(name.kind()));
    } catch (AuthenticationFailedException e) {
      throw new RepositoryException.Damaged(name + " fails authentication (altered, or not from this repository)", e);
    }
  }

  <T> T readJson(ObjectName name, Class<T> type) {
    try {
      return Json.MAPPER.readValue(read(name), type);
    } catch (IOException e) {
      throw new RepositoryException.Damaged(name + " is not a valid " + type.getSimpleName() + " record", e);
    }
  }

  /** One object read: its name and content. */
  record Stored<T>(ObjectName name, T value) {}

  /**
   * Every object of {@code kind} as {@code type}; damaged ones are named in {@code damaged} and
   * left out; one deleted while listing is skipped.
   */
  <T> java.util.List<Stored<T>> readAll(ObjectKind kind, Class<T> type, java.util.List<String> damaged) {
    java.util.List<Stored<T>> out = new java.util.ArrayList<>();
    for (Storage.ObjectInfo info : storage.list(kind)) {
      try {
        out.add(new Stored<>(info.name(), readJson(info.name(), type)));
      } catch (RepositoryException.Damaged e) {
        damaged.add(e.getMessage());
      } catch (org.kho.storage.NoSuchObjectException e) {
        // removed since the listing (a hold released, a plan swept): not there any more
      }
    }
    return out;
  }

  private static byte[] aad(ObjectKind kind) {
    return ("kho " + kind.folder() + " v1").getBytes(StandardCharsets.US_ASCII);
  }
}
