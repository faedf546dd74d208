package org.kho.repository;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kho.crypto.Sha256;
import org.kho.storage.ForwardingStorage;
import org.kho.storage.MemoryStorage;
import org.kho.storage.NoSuchObjectException;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

/**
 * The side of a repository an auditor reads without its key: the plaintext signed records in
 * {@code evidence/}, and the stored bytes of the sealed snapshot objects, whose SHA-256 is their
 * name. Read-only: it never writes, deletes or locks, so it works on a copy on read-only media.
 */
public final class EvidenceStore {
  private final Storage storage;

  private EvidenceStore(Storage storage) {
    this.storage = storage;
  }

  /** What is left of an object a statement names. */
  public enum ObjectState {
    /** Present, and its bytes hash to its name: exactly what was signed. */
    INTACT,
    /** Present, but its bytes no longer hash to its name: changed after it was written. */
    ALTERED,
    /** Not there (or a name no object can have). */
    MISSING
  }

  /**
   * The evidence of the repository on {@code storage}. Throws {@link RepositoryException.NotFound}
   * when {@code storage} holds no repository.
   */
  public static EvidenceStore on(Storage storage) {
    if (!storage.exists(ObjectName.CONFIG)) {
      throw new RepositoryException.NotFound(storage.describe());
    }
    return new EvidenceStore(storage);
  }

  /**
   * An evidence store over copies of a repository's objects held in memory (e.g. read from an
   * evidence bundle): its plaintext {@code config}, and evidence and snapshot objects by name.
   * Names that no object can have are left out.
   */
  public static EvidenceStore inMemory(String describe, byte[] config, Map<String, byte[]> evidence,
      Map<String, byte[]> snapshots) {
    MemoryStorage memory = new MemoryStorage();
    memory.create(ObjectName.CONFIG, config);
    evidence.forEach((name, bytes) -> put(memory, ObjectKind.EVIDENCE, name, bytes));
    snapshots.forEach((name, bytes) -> put(memory, ObjectKind.SNAPSHOT, name, bytes));
    return new EvidenceStore(new ForwardingStorage(memory) {
      @Override
      public String describe() {
        return describe;
      }
    });
  }

  private static void put(Storage storage, ObjectKind kind, String name, byte[] bytes) {
    if (ObjectName.valid(kind, name)) {
      storage.create(ObjectName.of(kind, name), bytes);
    }
  }

  /** The stored bytes of the plaintext {@code config} object (no secret in it). */
  public byte[] configBytes() {
    return storage.read(ObjectName.CONFIG);
  }

  /** The exact stored bytes of evidence object {@code name}. */
  public byte[] recordBytes(String name) {
    return storage.read(ObjectName.of(ObjectKind.EVIDENCE, name));
  }

  /** The stored (sealed) bytes of snapshot object {@code name}, if it is there. */
  public Optional<byte[]> snapshotBytes(String name) {
    if (!ObjectName.valid(ObjectKind.SNAPSHOT, name)) {
      return Optional.empty();
    }
    try {
      return Optional.of(storage.read(ObjectName.of(ObjectKind.SNAPSHOT, name)));
    } catch (NoSuchObjectException e) {
      return Optional.empty();
    }
  }

  /** Where the repository is, for messages. */
  public String describe() {
    return storage.describe();
  }

  /** The id in the repository's plaintext config, which snapshot statements repeat. */
  public String repositoryId() {
    return RepositoryConfig.read(storage).id();
  }

  /** The name of every evidence object, sorted. */
  public List<String> recordNames() {
    return names(ObjectKind.EVIDENCE);
  }

  /**
   * The record held by evidence object {@code name}. Throws {@link RepositoryException.Damaged}
   * when the object is missing, is not JSON or lacks a field. Its name is not checked against its
   * bytes: the signature, not the name, is what vouches for the statement.
   */
  public EvidenceRecord record(String name) {
    ObjectName object = ObjectName.of(ObjectKind.EVIDENCE, name);
    EvidenceRecord rec;
    try {
      rec = Json.MAPPER.readValue(storage.read(object), EvidenceRecord.class);
    } catch (IOException e) {
      throw new RepositoryException.Damaged(object + " is not an evidence record (not valid JSON)", e);
    }
    if (rec == null || rec.statement() == null || rec.signer() == null || rec.signature() == null) {
      throw new RepositoryException.Damaged(object + " lacks its statement, signer or signature", null);
    }
    return rec;
  }

  /** The name of every snapshot object, sorted. */
  public List<String> snapshotNames() {
    return names(ObjectKind.SNAPSHOT);
  }

  /** Whether snapshot object {@code name} is there with the very bytes it was named for. */
  public ObjectState snapshotState(String name) {
    if (!ObjectName.valid(ObjectKind.SNAPSHOT, name)) {
      return ObjectState.MISSING;
    }
    try {
      byte[] stored = storage.read(ObjectName.of(ObjectKind.SNAPSHOT, name));
      return Sha256.hex(stored).equals(name) ? ObjectState.INTACT : ObjectState.ALTERED;
    } catch (NoSuchObjectException e) {
      return ObjectState.MISSING;
    }
  }

  private List<String> names(ObjectKind kind) {
    return storage.list(kind).stream().map(i -> i.name().name()).sorted().toList();
  }
}
