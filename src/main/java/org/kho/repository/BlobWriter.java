package org.kho.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.kho.crypto.KeyedHash;
import org.kho.storage.ObjectKind;
import org.kho.storage.ObjectName;
import org.kho.storage.Storage;

/**
 * Stores blobs for one backup session: dedups against the index, compresses, seals into packs
 * (one open pack per concurrent caller, so several threads encrypt at once), uploads full packs on
 * its own thread, and at {@link #flush()} writes the index object for the packs it uploaded.
 * Thread-safe. Nothing it writes is referenced until a snapshot names it.
 */
public final class BlobWriter {
  /** Packs finished but not yet stored; bounds memory to about this many × 16 MiB. */
  private static final int PACKS_IN_FLIGHT = 2;
  private final Storage storage;
  private final MasterKey master;
  private final MasterIndex index;
  private final KeyedHash ids;
  private final SealedObjects sealed;
  private final Set<BlobId> pending = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedDeque<PackBuilder> idle = new ConcurrentLinkedDeque<>();
  private final List<IndexFile.Pack> uploaded = new ArrayList<>();
  private final ExecutorService uploader = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "kho-upload");
    t.setDaemon(true);
    return t;
  });
  private final Semaphore inFlight = new Semaphore(PACKS_IN_FLIGHT);
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final LongAdder blobsAdded = new LongAdder();
  private final LongAdder bytesAdded = new LongAdder();
  private final LongAdder bytesStored = new LongAdder();

  BlobWriter(Storage storage, MasterKey master, MasterIndex index, SealedObjects sealed) {
    this.storage = storage;
    this.master = master;
    this.index = index;
    this.ids = master.ids();
    this.sealed = sealed;
  }

  /** What this session added. */
  public record Stats(long blobsAdded, long bytesAdded, long bytesStored) {}

  /** The id of {@code data[off, off+len)}, storing it unless the repository has it already. */
  public BlobId save(BlobType type, byte[] data, int off, int len) {
    rethrow();
    BlobId id = BlobId.of(ids.of(data, off, len));
    if (index.contains(id) || !pending.add(id)) {
      return id;
    }
    byte[] stored = Codec.encode(data, off, len);
    PackBuilder pack = idle.pollFirst();
    if (pack == null) {
      pack = new PackBuilder(master);
    }
    if (pack.wouldOverflow(stored.length)) {
      upload(pack);
    }
    pack.add(type, id, stored, len);
    blobsAdded.increment();
    bytesAdded.add(len);
    bytesStored.add(org.kho.crypto.Aead.sealedLength(stored.length));
    idle.addFirst(pack);
    return id;
  }

  /** Whether the repository has the blob, stored or on its way. */
  public boolean has(BlobId id) {
    return index.contains(id) || pending.contains(id);
  }

  public Stats stats() {
    return new Stats(blobsAdded.sum(), bytesAdded.sum(), bytesStored.sum());
  }

  /**
   * Uploads the open packs, waits for every upload and writes the index object for them. After
   * this the writer is closed. Throws what any upload failed with (a full disk, for instance).
   */
  public void flush() {
    for (PackBuilder pack; (pack = idle.pollFirst()) != null; ) {
      if (!pack.isEmpty()) {
        upload(pack);
      }
    }
    // the builders' buffers are dropped with the deque's entries
    uploader.shutdown();
    try {
      while (!uploader.awaitTermination(1, TimeUnit.MINUTES)) {
        // a slow target: keep waiting
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for uploads", e);
    }
    rethrow();
    writeIndex(uploaded);
  }

  /** Stops uploading without writing an index: for a backup that failed. */
  public void abandon() {
    uploader.shutdownNow();
  }

  /** Writes index objects for {@code packs}, at most 4,096 packs per object. */
  void writeIndex(List<IndexFile.Pack> packs) {
    writeIndex(sealed, packs);
  }

  /** Writes index objects for {@code packs} through {@code sealed}, at most 4,096 packs per object. */
  static void writeIndex(SealedObjects sealed, List<IndexFile.Pack> packs) {
    for (int from = 0; from < packs.size(); from += 4096) {
      sealed.write(ObjectKind.INDEX, IndexFile.encode(packs.subList(from, Math.min(packs.size(), from + 4096))));
    }
  }

  private void upload(PackBuilder pack) {
    PackBuilder.Finished done = pack.finish();
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    uploader.execute(() -> {
      try {
        if (failure.get() == null) {
          storage.create(ObjectName.of(ObjectKind.DATA, done.name()), done.bytes());
          index.addPack(done.name(), done.salt(), done.entries());
          synchronized (uploaded) {
            uploaded.add(new IndexFile.Pack(done.name(), done.salt(), done.entries()));
          }
          done.entries().forEach(e -> pending.remove(e.id()));
        }
      } catch (RuntimeException e) {
        failure.compareAndSet(null, e);
      } finally {
        inFlight.release();
      }
    });
  }

  private void rethrow() {
    RuntimeException e = failure.get();
    if (e != null) {
      throw e;
    }
  }
}
