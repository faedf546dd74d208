package org.kho.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.kho.crypto.Aead;
import org.kho.crypto.Argon2id;
import org.kho.crypto.Warmup;
import org.kho.crypto.AuthenticationFailedException;
import org.kho.crypto.SigningKey;
import org.kho.storage.NoSuchObjectException;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

/**
 * An open repository: the entry point for backup, restore, check and key management. Reads go
 * snapshot → trees → index → packs; writes go packs → index → snapshot (the commit point).
 */
public final class Repository implements AutoCloseable {
  private final Storage storage;
  private final RepositoryConfig config;
  private final MasterKey master;
  private final ObjectName slot;
  private final SealedObjects sealed;
  private final MasterIndex index = new MasterIndex();
  /** Arrays for a blob's sealed, opened and decompressed bytes, a few per reading thread; most chunks fit. */
  private final Scratch blobScratch = new Scratch(BLOB_SCRATCH, 12);
  /** Arrays for whole packs, one per thread of a check: a pack is closed at 16 MiB, plus its header. */
  private final Scratch packScratch = new Scratch(PackBuilder.TARGET_BYTES + (1 << 20), 4);
  private final Clock clock;
  private final Host host;
  private final Argon2id kdf;
  /** Fetches packs ahead of a full check; null for every other session. */
  private final PackReadAhead readAhead;
  private volatile SigningKey signer;
  /** Bytes of a kept blob array: chunks average 1 MiB and rarely pass 2 MiB. */
  static final int BLOB_SCRATCH = (2 << 20) + (64 << 10);

  private Repository(Storage storage, RepositoryConfig config, KeyRing.Opened opened, Clock clock, Host host, Argon2id kdf,
      PackReadAhead readAhead) {
    this.storage = storage;
    this.config = config;
    this.master = opened.key();
    this.slot = opened.slot();
    this.sealed = new SealedObjects(storage, master);
    this.clock = clock;
    this.host = host;
    this.kdf = kdf;
    this.readAhead = readAhead;
  }

  /**
   * Options that tests turn down (a cheap KDF) and production leaves as they are. With
   * {@code warmCrypto} opening also arms {@link Warmup} (compiling the AES-GCM and HMAC paths
   * while the session does its work), which starts once the session has sealed, opened or hashed
   * its first 8 MiB: for sessions that may seal or open much data (backup, restore, check
   * --read-data, log archives, drills); listing snapshots or checking the structure would only pay
   * for it. With {@code readAhead} opening also starts a {@link PackReadAhead}, for a check that
   * reads every pack.
   */
  public record Options(Clock clock, Host host, Argon2id kdf, boolean warmCrypto, boolean readAhead) {
    public Options(Clock clock, Host host, Argon2id kdf) {
      this(clock, host, kdf, false, false);
    }

    public static Options defaults(Clock clock) {
      return new Options(clock, new Host(), Argon2id.DEFAULT);
    }

    /** These options, for a session that will read or write much data. */
    public Options forBulkData() {
      return new Options(clock, host, kdf, true, readAhead);
    }

    /**
     * These options, for a check that reads every pack in full: the packs are fetched into the
     * disk's cache from the moment the repository opens ({@link PackReadAhead}).
     */
    public Options forReadingEveryPack() {
      return new Options(clock, host, kdf, true, true);
    }
  }

  /** Creates a repository on an empty target, with one key slot for {@code credential}. */
  public static Repository init(Storage storage, Credential credential, Options options) {
    return init(storage, credential, options, MasterKey.random(), ChunkerParams.DEFAULT);
  }

  /**
   * Creates a repository on an empty target that shares the master key and chunker parameters of
   * {@code template} (its own id and key slots): snapshots then copy between the two byte for
   * byte, without decrypting or re-encrypting their data, and deduplicate across them.
   */
  public static Repository initLike(Storage storage, Credential credential, Options options, Repository template) {
    return init(storage, credential, options, template.master, template.config.chunker());
  }

  private static Repository init(Storage storage, Credential credential, Options options, MasterKey master,
      ChunkerParams chunker) {
    if (storage.exists(ObjectName.CONFIG) || !storage.list(ObjectKind.KEY).isEmpty()) {
      throw new RepositoryException.AlreadyExists(storage.describe());
    }
    ObjectName slot = new KeyRing(storage, Json.MAPPER, options.kdf())
        .add(master, credential, "created by repo init", options.clock(), options.host().name());
    byte[] id = new byte[32];
    new SecureRandom().nextBytes(id);
    RepositoryConfig config = new RepositoryConfig(RepositoryConfig.VERSION, HexFormat.of().formatHex(id),
        options.clock().instant(), chunker);
    try {
      storage.create(ObjectName.CONFIG, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(config));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new Repository(storage, config, new KeyRing.Opened(master, slot), options.clock(), options.host(), options.kdf(),
        null);
  }

  /** Opens an existing repository with any key slot that {@code credential} unlocks. */
  public static Repository open(Storage storage, Credential credential, Options options) {
    PackReadAhead readAhead = options.readAhead() ? PackReadAhead.start(storage) : null;
    try {
      return open(storage, credential, options, readAhead);
    } catch (RuntimeException e) {
      if (readAhead != null) {
        readAhead.close();
      }
      throw e;
    }
  }

  private static Repository open(Storage storage, Credential credential, Options options, PackReadAhead readAhead) {
    RepositoryConfig config = RepositoryConfig.read(storage);
    if (config.version() != RepositoryConfig.VERSION) {
      throw new RepositoryException.Damaged("repository format version " + config.version()
          + " is not supported by this Kho (it reads version " + RepositoryConfig.VERSION + ")", null);
    }
    KeyRing.Opened opened = new KeyRing(storage, Json.MAPPER, options.kdf()).open(credential);
    if (options.warmCrypto()) { // not before: on two cores the warm-up took one from the key derivation, doubling its wall time
      Warmup.arm();
    }
    return new Repository(storage, config, opened, options.clock(), options.host(), options.kdf(), readAhead);
  }

  public RepositoryConfig config() {
    return config;
  }

  public Storage storage() {
    return storage;
  }

  public Clock clock() {
    return clock;
  }

  public Host host() {
    return host;
  }

  // ---- locks ----------------------------------------------------------------------------------

  /** Takes a shared (backup, restore, check) or exclusive (prune, key removal) lock. */
  public RepositoryLock lock(boolean exclusive) {
    return new Locks(storage, sealed, clock, host).acquire(exclusive);
  }

  /** Removes stale locks (or all, with {@code all}); returns how many. */
  public int unlock(boolean all) {
    return new Locks(storage, sealed, clock, host).unlock(all);
  }

  // ---- index ------------------------------------------------------------------------------------

  /**
   * Loads every index object; returns the names of those that are damaged (reported, skipped).
   * Packs a prune has condemned stay readable but are never deduplicated against (read first, so
   * that a blob also stored in a live pack is reused from there).
   */
  public List<String> loadIndex() {
    List<String> damaged = new ArrayList<>();
    index.condemn(condemnedPacks(damaged));
    for (Storage.ObjectInfo info : storage.list(ObjectKind.INDEX)) {
      try {
        IndexFile.read(sealed.read(info.name()), info.name().toString(), index::addPack);
      } catch (RepositoryException.Damaged e) {
        damaged.add(info.name() + ": " + e.getMessage());
      }
    }
    return damaged;
  }

  /**
   * Indexes packs that no index object lists (left by a backup killed before its index was
   * written, or listed only by a damaged index object), from their own headers; with
   * {@code persist} also writes an index object for them so later runs reuse them. Returns how
   * many packs it recovered.
   */
  public int indexOrphanPacks(boolean persist) {
    List<IndexFile.Pack> recovered = new ArrayList<>();
    for (Storage.ObjectInfo info : storage.list(ObjectKind.DATA)) {
      if (index.containsPack(info.name().name())) {
        continue;
      }
      try {
        PackReader.Header h = readHeader(info.name(), info.size());
        index.addPack(info.name().name(), h.salt(), h.entries());
        if (!index.condemned(info.name().name())) { // a condemned pack is never listed again
          recovered.add(new IndexFile.Pack(info.name().name(), h.salt(), h.entries()));
        }
      } catch (RepositoryException.Damaged e) {
        // a damaged orphan holds nothing any snapshot needs; check reports it, prune removes it
      }
    }
    if (persist && !recovered.isEmpty()) {
      new BlobWriter(storage, master, index, sealed).writeIndex(recovered);
    }
    return recovered.size();
  }

  /** The header of a stored pack, read from its end. */
  PackReader.Header readHeader(ObjectName pack, long size) {
    int tailLength = (int) Math.min(size, 64 * 1024);
    byte[] tail = storage.read(pack, size - tailLength, tailLength);
    PackReader.Trailer t = PackReader.trailer(tail, pack.name());
    int headerLength = t.headerLength();
    if (headerLength + PackBuilder.TRAILER_BYTES > size) {
      throw PackReader.damaged(pack.name(), "claims a header longer than the pack");
    }
    if (headerLength + PackBuilder.TRAILER_BYTES > tailLength) {
      tail = storage.read(pack, size - headerLength - PackBuilder.TRAILER_BYTES, headerLength + PackBuilder.TRAILER_BYTES);
      tailLength = tail.length;
    }
    return PackReader.header(master, t, tail, tailLength - PackBuilder.TRAILER_BYTES - headerLength, headerLength, pack.name());
  }

  /** Every stored pack by name, with its size in bytes, whether an index lists it or not. */
  public java.util.Map<String, Long> storedPacks() {
    java.util.Map<String, Long> out = new java.util.HashMap<>();
    storage.list(ObjectKind.DATA).forEach(i -> out.put(i.name().name(), i.size()));
    return out;
  }

  /** Whether the index knows the blob. */
  public boolean has(BlobId id) {
    return index.find(id) != null;
  }

  // ---- blobs ------------------------------------------------------------------------------------

  /** A writer for one backup session. */
  public BlobWriter writer() {
    return new BlobWriter(storage, master, index, sealed);
  }

  /** The chunker keyed for this repository. */
  public Chunker chunker() {
    return new Chunker(master.chunkerSeed(), config.chunker());
  }

  /** The id this repository gives {@code data[off, off+len)}. */
  public BlobId idOf(byte[] data, int off, int len) {
    return BlobId.of(master.ids().of(data, off, len));
  }

  /** The raw length the index records for a blob, or -1 if it does not know it. */
  public int rawLength(BlobId id) {
    MasterIndex.Location loc = index.find(id);
    return loc == null ? -1 : loc.rawLength();
  }

  /**
   * The plaintext of a blob, verified: it authenticates under its pack key bound to its type and
   * id, decompresses to the recorded size, and its keyed hash is its id. Anything else throws
   * {@link RepositoryException.Damaged} naming the blob and pack; wrong data is never returned.
   */
  public byte[] readBlob(BlobType type, BlobId id) {
    MasterIndex.Location loc = locate(type, id);
    byte[] sealedBlob = blobScratch.take(loc.length());
    try (OpenedBlob plain = openBlob(loc, sealedBlob, 0, readSealed(type, loc, sealedBlob))) {
      return plain.copy();
    } finally {
      blobScratch.give(sealedBlob);
    }
  }

  /**
   * Reads and verifies a blob as {@link #readBlob(BlobType, BlobId)} does, then hands its plaintext
   * to {@code sink} in an array lent for that call only; returns its length. Reading many blobs
   * this way allocates nothing per blob. Nothing reaches the sink unless it verified.
   */
  public int readBlob(BlobType type, BlobId id, BlobSink sink) throws IOException {
    MasterIndex.Location loc = locate(type, id);
    byte[] sealedBlob = blobScratch.take(loc.length());
    try (OpenedBlob plain = openBlob(loc, sealedBlob, 0, readSealed(type, loc, sealedBlob))) {
      sink.accept(plain.buf(), plain.off(), plain.length());
      return plain.length();
    } finally {
      blobScratch.give(sealedBlob);
    }
  }

  /**
   * The reads that fetch {@code wanted} pack by pack (see {@link BlobReads}); blobs the index does
   * not know are in the plan's {@code unknown}, with why.
   */
  public BlobReads.Plan planReads(BlobType type, java.util.Collection<BlobId> wanted) {
    return BlobReads.plan(index, type, wanted, id -> notIndexed(type, id));
  }

  /**
   * Fetches {@code span} in one storage read and hands each of its blobs to {@code receiver} once
   * it verified, or reports it damaged (a missing pack, a pack shorter than the index says, bytes
   * that do not authenticate, decode or hash to the id). Holds at most one pack in memory.
   */
  public void read(BlobReads.Span span, BlobReads.Receiver receiver) throws IOException {
    byte[] buf = packScratch.take(span.length());
    try {
      int n;
      try {
        n = storage.read(ObjectName.of(ObjectKind.DATA, span.pack()), span.offset(), buf, 0, span.length());
      } catch (NoSuchObjectException e) {
        for (MasterIndex.Location loc : span.locations()) {
          receiver.damaged(loc.id(), missingPack(loc.type(), loc, e));
        }
        return;
      }
      for (MasterIndex.Location loc : span.locations()) {
        int at = (int) (loc.offset() - span.offset());
        OpenedBlob plain;
        try {
          plain = openBlob(loc, buf, at, Math.max(0, Math.min(loc.length(), n - at)));
        } catch (RepositoryException.Damaged e) {
          receiver.damaged(loc.id(), e);
          continue;
        }
        try (plain) {
          receiver.blob(loc.id(), plain.buf(), plain.off(), plain.length());
        }
      }
    } finally {
      packScratch.give(buf);
    }
  }

  /**
   * How many {@link #read}s of whole packs pay to run at once: one per core on a disk (they are
   * decryption-bound); on a remote target up to its connection limit (they wait on the network),
   * at most 4 (a pack in memory each).
   */
  public int parallelReads() {
    int cores = Math.max(2, Runtime.getRuntime().availableProcessors());
    return storage.localRoot().isPresent() ? cores : Math.min(4, Math.max(cores, storage.parallelism()));
  }

  private MasterIndex.Location locate(BlobType type, BlobId id) {
    MasterIndex.Location loc = index.find(id);
    if (loc == null) {
      throw notIndexed(type, id);
    }
    return loc;
  }

  private static RepositoryException.Damaged notIndexed(BlobType type, BlobId id) {
    return new RepositoryException.Damaged(type.name().toLowerCase(Locale.ROOT) + " blob " + id.shortHex()
        + " is not in the index (its pack is missing or was never written)", null);
  }

  private static RepositoryException.Damaged missingPack(BlobType type, MasterIndex.Location loc, NoSuchObjectException e) {
    return new RepositoryException.Damaged(type.name().toLowerCase(Locale.ROOT) + " blob " + loc.id().shortHex()
        + " is in pack " + loc.pack() + ", which is missing", e);
  }

  /** Reads the sealed bytes of the blob at {@code loc} into {@code into}; returns how many there were. */
  private int readSealed(BlobType type, MasterIndex.Location loc, byte[] into) {
    try {
      return storage.read(ObjectName.of(ObjectKind.DATA, loc.pack()), loc.offset(), into, 0, loc.length());
    } catch (NoSuchObjectException e) {
      throw missingPack(type, loc, e);
    }
  }

  /**
   * Opens and verifies a blob whose sealed bytes are at {@code buf[off, off+len)}: its plaintext,
   * in arrays lent until the result is closed. Throws {@link RepositoryException.Damaged} unless it
   * authenticates, decodes to its recorded size and hashes to its id.
   */
  OpenedBlob openBlob(MasterIndex.Location loc, byte[] buf, int off, int len) {
    if (len != loc.length()) {
      throw new RepositoryException.Damaged(describe(loc) + " is truncated (pack shorter than the index says)", null);
    }
    byte[] opened = blobScratch.take(Math.max(0, Aead.openedLength(len)));
    byte[] decoded = null;
    boolean lent = false;
    try {
      int n = master.packKey(loc.salt()).open(buf, off, len, PackBuilder.aad(loc.type(), loc.id()), opened, 0);
      decoded = n > 0 && opened[0] == Codec.ZSTD ? blobScratch.take(Math.max(0, loc.rawLength())) : null;
      Codec.Slice plain = Codec.decode(opened, 0, n, loc.rawLength(), decoded);
      if (!MessageDigest.isEqual(master.ids().of(plain.buf(), plain.off(), plain.length()), loc.id().raw())) {
        throw new RepositoryException.Damaged(describe(loc) + " does not hash to its id", null);
      }
      lent = true;
      return new OpenedBlob(plain, opened, decoded, blobScratch);
    } catch (AuthenticationFailedException e) {
      throw new RepositoryException.Damaged(describe(loc) + " fails authentication (its bytes were changed)", e);
    } catch (Codec.DecodeException e) {
      throw new RepositoryException.Damaged(describe(loc) + " does not decode: " + e.getMessage(), e);
    } finally {
      if (!lent) {
        blobScratch.give(opened);
        blobScratch.give(decoded);
      }
    }
  }

  /** Throws {@link RepositoryException.Damaged} unless the sealed blob at {@code buf[off, off+len)} verifies. */
  void verifyBlob(MasterIndex.Location loc, byte[] buf, int off, int len) {
    openBlob(loc, buf, off, len).close();
  }

  /** "data blob 1a2b3c4d in pack 5e6f7a8b", for messages; built only when something is wrong. */
  private static String describe(MasterIndex.Location loc) {
    return loc.type().name().toLowerCase(Locale.ROOT) + " blob " + loc.id().shortHex() + " in pack " + loc.pack().substring(0, 8);
  }

  /** The blobs the index places in each pack, for check. */
  public java.util.Map<String, List<BlobId>> blobsByPack() {
    java.util.Map<String, List<BlobId>> out = new java.util.HashMap<>();
    index.forEach(loc -> out.computeIfAbsent(loc.pack(), k -> new ArrayList<>()).add(loc.id()));
    return out;
  }

  /** Reads pack {@code pack} in full and verifies every byte of it against {@code indexed}. */
  public PackReport verifyPack(String pack, List<BlobId> indexed) {
    if (readAhead != null) {
      readAhead.verifying(pack);
    }
    return new PackVerifier(this, packScratch).verify(pack, indexed);
  }

  MasterIndex index() {
    return index;
  }

  SealedObjects sealed() {
    return sealed;
  }

  /** Whether {@code other} has the same master key and chunker: blobs and snapshots copy as they are. */
  public boolean sameKeysAs(Repository other) {
    return java.security.MessageDigest.isEqual(master.material(), other.master.material())
        && config.chunker().equals(other.config.chunker());
  }

  MasterKey master() {
    return master;
  }

  // ---- trees ------------------------------------------------------------------------------------

  public Tree readTree(BlobId id) {
    try {
      return TreeCodec.decode(readBlob(BlobType.TREE, id));
    } catch (IOException e) {
      throw notATree(id, e);
    }
  }

  /**
   * Reads many trees pack by pack, as {@link #read(BlobReads.Span, BlobReads.Receiver)} reads data:
   * one storage read per run of wanted trees in a pack instead of one per tree (a round trip each
   * on a remote target). Each tree is verified as {@link #readTree} verifies it; one that cannot be
   * read is in the result's {@code damaged}, with why.
   */
  public Trees readTrees(java.util.Collection<BlobId> ids) {
    BlobReads.Plan plan = planReads(BlobType.TREE, ids);
    java.util.Map<BlobId, Tree> read = new java.util.HashMap<>();
    java.util.Map<BlobId, RepositoryException.Damaged> damaged = new java.util.HashMap<>(plan.unknown());
    BlobReads.Receiver receiver = new BlobReads.Receiver() {
      @Override
      public void blob(BlobId id, byte[] buf, int off, int length) {
        try {
          read.put(id, TreeCodec.decode(buf, off, length));
        } catch (IOException e) {
          damaged.put(id, notATree(id, e));
        }
      }

      @Override
      public void damaged(BlobId id, RepositoryException.Damaged why) {
        damaged.put(id, why);
      }
    };
    for (BlobReads.Span span : plan.spans()) {
      try {
        read(span, receiver);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e); // the receiver throws none
      }
    }
    return new Trees(read, damaged);
  }

  /**
   * The trees under {@code root} (itself included), read a level of folders at a time (see
   * {@link Trees#under}); a folder's tree only where {@code descend} accepts its path and tree id,
   * and no further level once those read hold {@code maxNodes} entries.
   */
  public Trees readTreesUnder(BlobId root, java.util.function.BiPredicate<String, BlobId> descend, long maxNodes) {
    return Trees.under(this, root, descend, maxNodes);
  }

  private static RepositoryException.Damaged notATree(BlobId id, IOException e) {
    return new RepositoryException.Damaged("tree " + id.shortHex() + " is not a valid tree", e);
  }

  public BlobId saveTree(Tree tree, BlobWriter writer) {
    try {
      byte[] bytes = TreeCodec.encode(tree);
      return writer.save(BlobType.TREE, bytes, 0, bytes.length);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise a tree", e);
    }
  }

  // ---- snapshots ----------------------------------------------------------------------------------

  /** Every snapshot, oldest first. Damaged ones are skipped and named in {@code damaged}. */
  public List<SnapshotRef> snapshots(List<String> damaged) {
    List<SnapshotRef> out = new ArrayList<>();
    for (Storage.ObjectInfo info : storage.list(ObjectKind.SNAPSHOT)) {
      try {
        out.add(new SnapshotRef(info.name().name(), sealed.readJson(info.name(), Snapshot.class)));
      } catch (RepositoryException.Damaged e) {
        damaged.add(e.getMessage());
      }
    }
    out.sort(Comparator.comparing((SnapshotRef r) -> r.snapshot().time()).thenComparing(SnapshotRef::id));
    return out;
  }

  public List<SnapshotRef> snapshots() {
    return snapshots(new ArrayList<>());
  }

  /** The snapshot named by {@code ref}: "latest" or a unique prefix (at least 4 hex digits) of its id. */
  public SnapshotRef snapshot(String ref) {
    if (ref.equals("latest")) {
      List<String> damaged = new ArrayList<>();
      List<SnapshotRef> all = snapshots(damaged);
      if (!damaged.isEmpty()) {
        throw new RepositoryException.Damaged("'latest' is uncertain: " + String.join("; ", damaged)
            + "; name the snapshot you want by its id", null);
      }
      if (all.isEmpty()) {
        throw new org.kho.core.KhoException("the repository has no snapshot yet", "run 'kho backup' first");
      }
      return all.getLast();
    }
    String prefix = ref.toLowerCase(Locale.ROOT);
    if (!prefix.matches("[0-9a-f]{4,64}")) {
      throw new org.kho.core.UsageException("'" + ref + "' is not a snapshot id",
          "give 'latest' or at least 4 hex digits of an id shown by 'kho snapshots'");
    }
    List<ObjectName> hits = storage.list(ObjectKind.SNAPSHOT).stream().map(Storage.ObjectInfo::name)
        .filter(n -> n.name().startsWith(prefix)).toList();
    if (hits.size() != 1) {
      throw new org.kho.core.UsageException((hits.isEmpty() ? "no snapshot" : "more than one snapshot")
          + " has an id starting with '" + ref + "'", "'kho snapshots' lists the ids");
    }
    return new SnapshotRef(hits.getFirst().name(), sealed.readJson(hits.getFirst(), Snapshot.class));
  }

  /**
   * Forgets a snapshot: deletes its object, after writing a signed {@link RemovalStatement#FORGET}
   * record saying {@code why} when a signing key is set. Its data stays until {@link #prune} finds
   * it unused. Refuses a snapshot under a legal hold.
   */
  public void forget(SnapshotRef snapshot, String why) {
    List<String> holders = holds().stream().filter(h -> h.hold().snapshot().equals(snapshot.id()))
        .map(h -> h.hold().reason()).toList();
    if (!holders.isEmpty()) {
      throw new org.kho.core.KhoException("snapshot " + snapshot.shortId() + " is under a legal hold ("
          + String.join("; ", holders) + ")", "release the hold first with 'kho hold remove' if that is really intended");
    }
    attest(RemovalStatement.FORGET, snapshot.id(), why);
    storage.delete(ObjectName.of(ObjectKind.SNAPSHOT, snapshot.id()));
  }

  /** Writes a signed removal statement when this session signs. */
  private void attest(String type, String snapshot, String why) {
    if (signer != null) {
      writeEvidence(RemovalStatement.of(type, config.id(), snapshot, clock.instant(), host.name(), why), signer);
    }
  }

  // ---- holds and drill results -------------------------------------------------------------------

  /** Places a legal hold on a snapshot; returns it. */
  public HoldRef addHold(SnapshotRef snapshot, String reason) {
    if (reason == null || reason.isBlank()) {
      throw new org.kho.core.UsageException("a legal hold needs a reason", "pass --reason TEXT, e.g. the case or decision number");
    }
    Hold hold = new Hold(Hold.VERSION, snapshot.id(), reason.strip(), clock.instant(), host.name(), host.user());
    return new HoldRef(sealed.writeJson(ObjectKind.HOLD, hold).name(), hold);
  }

  /**
   * Every legal hold, oldest first. A damaged hold object throws: what it holds is unknown, so
   * nothing may be forgotten until it is repaired or removed.
   */
  public List<HoldRef> holds() {
    List<String> damaged = new ArrayList<>();
    List<HoldRef> out = new ArrayList<>(sealed.readAll(ObjectKind.HOLD, Hold.class, damaged).stream()
        .map(s -> new HoldRef(s.name().name(), s.value())).toList());
    if (!damaged.isEmpty()) {
      throw new RepositoryException.Damaged("a legal hold cannot be read: " + String.join("; ", damaged)
          + "; nothing can be forgotten safely until it is restored from a copy", null);
    }
    out.sort(Comparator.comparing((HoldRef h) -> h.hold().created()).thenComparing(HoldRef::id));
    return out;
  }

  /**
   * Releases a hold (deletes its object), after writing a signed {@link RemovalStatement#HOLD_RELEASED}
   * record saying {@code why} when a signing key is set; returns whether it was there.
   */
  public boolean removeHold(HoldRef hold, String why) {
    attest(RemovalStatement.HOLD_RELEASED, hold.hold().snapshot(), why);
    return storage.delete(ObjectName.of(ObjectKind.HOLD, hold.id()));
  }

  /** Records the result of a restore drill (the drill engine calls this); returns its object name. */
  public String saveDrillResult(DrillResult result) {
    return sealed.writeJson(ObjectKind.DRILL, result).name();
  }

  /** Every drill result, oldest first; damaged ones are named in {@code damaged} and left out. */
  public List<DrillResult> drillResults(List<String> damaged) {
    return sealed.readAll(ObjectKind.DRILL, DrillResult.class, damaged).stream().map(SealedObjects.Stored::value)
        .sorted(Comparator.comparing(DrillResult::time)).toList();
  }

  // ---- prune ------------------------------------------------------------------------------------

  /** Removes unreferenced data in two phases; see {@link Pruner} and FORMAT.md, "Prune". */
  public PruneReport prune(PruneRequest request, PruneProgress progress) {
    return new Pruner(this).run(request, progress);
  }

  /** The packs prunes have condemned and not yet swept; damaged prune plans are named in {@code damaged}. */
  public java.util.Set<String> condemnedPacks(List<String> damaged) {
    java.util.Set<String> out = new java.util.HashSet<>();
    sealed.readAll(ObjectKind.PRUNE, PrunePlan.class, damaged).forEach(p -> out.addAll(p.value().packs()));
    return out;
  }

  /** Signs every snapshot (and other evidence) this session writes with {@code key}. */
  public void signWith(SigningKey key) {
    this.signer = key;
  }

  /** The fingerprint of the key snapshots are signed with, if any. */
  public Optional<String> signerFingerprint() {
    return Optional.ofNullable(signer).map(k -> k.verifying().fingerprint());
  }

  /**
   * Commits a snapshot (the backup's commit point) and, when a signing key is set, writes its
   * signed evidence record.
   */
  public SnapshotRef saveSnapshot(Snapshot snapshot) {
    ObjectName name = sealed.writeJson(ObjectKind.SNAPSHOT, snapshot);
    if (signer != null) {
      writeEvidence(SnapshotStatement.of(config.id(), name.name(), snapshot), signer);
    }
    return new SnapshotRef(name.name(), snapshot);
  }

  /**
   * Writes a signed evidence record for a JSON statement with the key set by {@link #signWith};
   * returns the record's name. Throws {@link IllegalStateException} when no key is set.
   */
  public String writeSignedEvidence(String statement) {
    if (signer == null) {
      throw new IllegalStateException("no signing key is set for this session");
    }
    return writeEvidence(statement, signer).name();
  }

  /** Writes a signed evidence record for a JSON statement; returns its object name. */
  public ObjectName writeEvidence(String statement, SigningKey key) {
    byte[] signature = key.sign(statement.getBytes(StandardCharsets.UTF_8));
    EvidenceRecord rec = new EvidenceRecord(statement, key.verifying().fingerprint(),
        Base64.getEncoder().encodeToString(signature));
    try {
      byte[] bytes = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(rec);
      ObjectName name = ObjectName.of(ObjectKind.EVIDENCE, org.kho.crypto.Sha256.hex(bytes));
      storage.create(name, bytes);
      return name;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- keys -------------------------------------------------------------------------------------

  private KeyRing keyRing() {
    return new KeyRing(storage, Json.MAPPER, kdf);
  }

  public List<KeySlotInfo> keySlots() {
    return keyRing().list();
  }

  /** The short id of the slot this session opened with. */
  public String currentSlot() {
    return slot.name().substring(0, 8);
  }

  /** Adds a slot; returns its short id. */
  public String addKey(Credential credential, String label) {
    return keyRing().add(master, credential, label, clock, host.name()).name().substring(0, 8);
  }

  /** Removes a slot by id prefix; refuses the last one and the one in use. */
  public void removeKey(String idPrefix) {
    KeyRing ring = keyRing();
    ObjectName target = ring.find(idPrefix);
    if (target.equals(slot)) {
      throw new org.kho.core.UsageException("key slot " + idPrefix + " is the one this command opened the repository with",
          "open with another key to remove it, or use 'kho key passwd' to replace it");
    }
    if (ring.count() <= 1) {
      throw new org.kho.core.UsageException("key slot " + idPrefix + " is the last one", "add another key first");
    }
    ring.remove(target);
  }

  /** Replaces the slot in use with one for {@code credential}; returns the new slot's id. */
  public String changeKey(Credential credential, String label) {
    String added = addKey(credential, label);
    keyRing().remove(slot);
    return added;
  }

  /** A new random recovery key, to show the user once and add with {@link #addKey}. */
  public static String newRecoveryKey() {
    return KeyRing.newRecoveryKey();
  }

  @Override
  public void close() {
    if (readAhead != null) {
      readAhead.close();
    }
    storage.close();
  }
}
