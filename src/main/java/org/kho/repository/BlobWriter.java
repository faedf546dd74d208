package org.kho.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
 * Stores blobs for one backup session: dedups against the index, compresses (on the caller's
 * thread, so callers compress at once), seals into the open pack (one at a time), uploads full
 * packs on its own thread, and at {@link #flush()} writes the index object for the packs it
 * uploaded. Thread-safe. Nothing it writes is referenced until a snapshot names it.
 *
 * <p>Uploads: as many packs at once as the target serves well ({@link Storage#parallelism()}: 1 for
 * a disk, the connection limit of a remote target), so a remote target's round trips and window
 * waits overlap. Memory, where the target takes objects in pieces ({@link Storage#upload}, a local
 * disk, a remote target's spool file): each pack goes to the target as it fills, through a staging
 * buffer of {@value #STAGING_BYTES} bytes; finished packs are committed on the upload threads, as
 * many at once as the target serves, while the next one fills. Elsewhere: pack buffers of 16 MiB, one filling and one per running upload, made when
 * first needed and recycled; all of them within {@value #HEAP_PERCENT_FOR_PACKS} % of the heap but
 * two at the least. A caller that fills a pack while no buffer (or upload slot) is free waits for
 * an upload to finish.
 */
public final class BlobWriter {
  /** At most this share of the heap goes to pack buffers (the rest holds read windows, the index, ...). */
  static final int HEAP_PERCENT_FOR_PACKS = 30;
  /** The buffer a streamed pack's sealed blobs gather in before they are written. */
  static final int STAGING_BYTES = 1 << 20;
  private final Storage storage;
  private final MasterKey master;
  private final MasterIndex index;
  private final KeyedHash ids;
  private final SealedObjects sealed;
  private final Set<BlobId> pending = ConcurrentHashMap.newKeySet();
  /** Free pack buffers; more are made while fewer than {@link #maxBuffers} exist. */
  private final BlockingQueue<byte[]> buffers;
  private final int maxBuffers;
  private int madeBuffers;
  /** Streamed: finished packs whose commit may run at once; null when packs are kept in memory. */
  private final Semaphore commits;
  private PackBuilder open;
  private final List<IndexFile.Pack> uploaded = new ArrayList<>();
  private final ExecutorService uploader;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private final LongAdder blobsAdded = new LongAdder();
  private final LongAdder bytesAdded = new LongAdder();
  private final LongAdder bytesStored = new LongAdder();

  BlobWriter(Storage storage, MasterKey master, MasterIndex index, SealedObjects sealed) {
    this(storage, master, index, sealed, packBuffers(storage.parallelism(), Runtime.getRuntime().maxMemory()));
  }

  /** A writer with at most {@code packBuffers} pack buffers (at least 2), so {@code packBuffers - 1} uploads at once. */
  BlobWriter(Storage storage, MasterKey master, MasterIndex index, SealedObjects sealed, int packBuffers) {
    if (packBuffers < 2) {
      throw new IllegalArgumentException("a writer needs two pack buffers at least, not " + packBuffers);
    }
    this.storage = storage;
    this.master = master;
    this.index = index;
    this.ids = master.ids();
    this.sealed = sealed;
    this.maxBuffers = packBuffers;
    this.buffers = new ArrayBlockingQueue<>(packBuffers);
    Optional<Storage.Upload> first = storage.upload(ObjectKind.DATA);
    // streamed packs hold no buffer: as many commits at once as the target serves
    int uploads = first.isPresent() ? Math.max(1, storage.parallelism()) : packBuffers - 1;
    this.uploader = Executors.newFixedThreadPool(uploads, r -> {
      Thread t = new Thread(r, "kho-upload");
      t.setDaemon(true);
      return t;
    });
    if (first.isPresent()) {
      this.open = PackBuilder.streamed(master, new byte[STAGING_BYTES], first.get(),
          () -> storage.upload(ObjectKind.DATA).orElseThrow());
      this.commits = new Semaphore(uploads);
    } else {
      this.open = new PackBuilder(master, new byte[PackBuilder.TARGET_BYTES]);
      this.commits = null;
    }
    this.madeBuffers = 1;
  }

  /**
   * How many pack buffers a session may keep: one filling plus one per upload the target serves at
   * once, within {@value #HEAP_PERCENT_FOR_PACKS} % of a heap of {@code maxHeap} bytes; two at the least.
   */
  static int packBuffers(int parallelism, long maxHeap) {
    long affordable = maxHeap / 100 * HEAP_PERCENT_FOR_PACKS / PackBuilder.TARGET_BYTES;
    return (int) Math.max(2, Math.min(1L + Math.max(1, parallelism), affordable));
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
    Codec.Encoded stored = Codec.encode(data, off, len);
    synchronized (this) {
      if (open.wouldOverflow(stored.length())) {
        upload();
      }
      try {
        open.add(type, id, stored.buf(), stored.length(), len);
      } catch (RuntimeException | Error e) {
        // out of memory while sealing, a full disk while streaming: the open pack is spoilt, stop every thread
        failure.compareAndSet(null, e);
        throw e;
      }
    }
    blobsAdded.increment();
    bytesAdded.add(len);
    bytesStored.add(org.kho.crypto.Aead.sealedLength(stored.length()));
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
    synchronized (this) {
      if (!open.isEmpty()) {
        upload();
      } else if (commits != null) {
        open.discard();
      }
    }
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
    if (commits != null) {
      synchronized (this) {
        open.discard();
      }
    }
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

  /**
   * Finishes the open pack and queues it for storing; waits for a free buffer (streamed: a free
   * commit slot) to go on with.
   */
  private void upload() {
    byte[] next = commits == null ? freeBuffer() : awaitCommitSlot();
    PackBuilder.Finished done;
    try {
      done = open.finish(next);
    } catch (RuntimeException | Error e) {
      release(next);
      failure.compareAndSet(null, e); // the open pack is spoilt: every later save fails with this
      throw e;
    }
    uploader.execute(() -> {
      try {
        if (failure.get() == null) {
          store(done);
          index.addPack(done.name(), done.salt(), done.entries());
          synchronized (uploaded) {
            uploaded.add(new IndexFile.Pack(done.name(), done.salt(), done.entries()));
          }
          done.entries().forEach(e -> pending.remove(e.id()));
        }
      } catch (RuntimeException | Error e) {
        failure.compareAndSet(null, e);
      } finally {
        if (done.upload() != null) {
          done.upload().close(); // after a commit this does nothing; else it drops the temporary object
        }
        release(done.buffer());
      }
    });
  }

  /** Stores a finished pack: commits its upload, or creates it from its buffer. */
  private void store(PackBuilder.Finished done) {
    ObjectName name = ObjectName.of(ObjectKind.DATA, done.name());
    if (done.upload() != null) {
      done.upload().commit(name);
    } else {
      storage.create(name, done.buffer(), done.length());
    }
  }

  /** Gives back what a finished pack held: its buffer (in memory), its commit slot (streamed). */
  private void release(byte[] buffer) {
    if (commits == null) {
      buffers.add(buffer);
    } else {
      commits.release();
    }
  }

  /** Streamed: waits until fewer packs than allowed are being committed; the staging buffer goes on. */
  private byte[] awaitCommitSlot() {
    try {
      while (!commits.tryAcquire(100, TimeUnit.MILLISECONDS)) {
        rethrow(); // a commit failed: stop waiting for its slot
      }
      return open.buffer();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** A free pack buffer: a recycled one, a new one while fewer than the most exist, or the next one freed. */
  private byte[] freeBuffer() {
    byte[] free = buffers.poll();
    if (free != null) {
      return free;
    }
    if (madeBuffers < maxBuffers) {
      byte[] made;
      try {
        made = new byte[PackBuilder.TARGET_BYTES];
      } catch (OutOfMemoryError e) {
        failure.compareAndSet(null, e); // as when sealing: stop every thread, not just this one
        throw e;
      }
      madeBuffers++;
      return made;
    }
    try {
      while ((free = buffers.poll(100, TimeUnit.MILLISECONDS)) == null) {
        rethrow(); // an upload failed: stop waiting for its buffer
      }
      return free;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void rethrow() {
    switch (failure.get()) {
      case null -> { }
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      case Throwable t -> throw new IllegalStateException(t);
    }
  }
}
