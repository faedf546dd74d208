package org.kho.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Many blobs read pack by pack, as a restore needs them: the blobs wanted are grouped by pack and
 * each pack is fetched in one storage read, or in a few when the wanted blobs lie far apart in it
 * (a partial restore). One read per blob cost a round trip each on a remote target (a new data
 * connection on FTPS, an open/read/close on SFTP) and a system call each on a disk.
 *
 * <p>Nothing changes about what reaches a caller: every blob is opened and verified on its own
 * (authentication under its pack key, its recorded size, its keyed hash) before its plaintext is
 * handed out, and a blob that fails is reported, never handed out.
 */
public final class BlobReads {
  /** Wanted blobs closer than this in a pack are fetched together, the gap with them: cheaper than another read. */
  static final int GAP = 1 << 20;
  /** The most one read fetches (a whole pack is at most this), unless a single blob is larger. */
  static final int MAX_READ = PackBuilder.TARGET_BYTES + (1 << 20);
  /**
   * The most blobs one read hands out. A pack of small files holds thousands (dataset-1024's last
   * pack: 17,185), and a restore writes each to a file of its own: read whole, that pack kept one
   * thread busy for 1.7 s after the others had finished. Split, its parts go to every reader.
   */
  static final int MAX_BLOBS = 1024;

  private BlobReads() {}

  /** Takes the blobs of a {@link Span} as they are read; called on the reading thread. */
  public interface Receiver {
    /** A verified blob's plaintext, {@code buf[off, off+length)}, lent for this call only. */
    void blob(BlobId id, byte[] buf, int off, int length) throws IOException;

    /** A blob that cannot be read or does not verify: none of its bytes are handed out. */
    void damaged(BlobId id, RepositoryException.Damaged why);
  }

  /** Part of one pack fetched in one read, and the blobs in it that are wanted, by offset. */
  public static final class Span {
    private final String pack;
    private final long offset;
    private final int length;
    private final List<MasterIndex.Location> blobs;

    Span(String pack, long offset, int length, List<MasterIndex.Location> blobs) {
      this.pack = pack;
      this.offset = offset;
      this.length = length;
      this.blobs = List.copyOf(blobs);
    }

    public String pack() {
      return pack;
    }

    long offset() {
      return offset;
    }

    /** How many bytes the read fetches. */
    public int length() {
      return length;
    }

    List<MasterIndex.Location> locations() {
      return blobs;
    }

    /** The wanted blobs it holds, by offset. */
    public List<BlobId> blobs() {
      return blobs.stream().map(MasterIndex.Location::id).toList();
    }
  }

  /**
   * The reads that fetch a set of blobs: spans in the order their packs are first wanted (a restore
   * then finishes files roughly in order), and the blobs the index does not know, with why.
   */
  public record Plan(List<Span> spans, Map<BlobId, RepositoryException.Damaged> unknown) {}

  /** Groups {@code wanted} (in the order they are first needed; repeats are read once) into spans. */
  static Plan plan(MasterIndex index, BlobType type, Collection<BlobId> wanted,
      java.util.function.Function<BlobId, RepositoryException.Damaged> notIndexed) {
    Map<String, List<MasterIndex.Location>> byPack = new LinkedHashMap<>();
    Map<BlobId, RepositoryException.Damaged> unknown = new LinkedHashMap<>();
    Set<BlobId> seen = new HashSet<>();
    for (BlobId id : wanted) {
      if (!seen.add(id)) {
        continue;
      }
      MasterIndex.Location loc = index.find(id);
      if (loc == null || loc.type() != type) {
        unknown.put(id, notIndexed.apply(id));
      } else {
        byPack.computeIfAbsent(loc.pack(), p -> new ArrayList<>()).add(loc);
      }
    }
    List<Span> spans = new ArrayList<>();
    byPack.forEach((pack, locs) -> spans.addAll(spans(pack, locs)));
    return new Plan(List.copyOf(spans), unknown);
  }

  /**
   * The spans of one pack: runs of wanted blobs no more than {@link #GAP} apart, {@link #MAX_READ}
   * long and {@link #MAX_BLOBS} in number.
   */
  private static List<Span> spans(String pack, List<MasterIndex.Location> locs) {
    locs.sort(Comparator.comparingInt(MasterIndex.Location::offset));
    List<Span> out = new ArrayList<>();
    List<MasterIndex.Location> run = new ArrayList<>();
    long start = 0;
    long end = 0;
    for (MasterIndex.Location loc : locs) {
      long blobEnd = (long) loc.offset() + loc.length();
      if (!run.isEmpty() && (loc.offset() - end > GAP || blobEnd - start > MAX_READ || run.size() == MAX_BLOBS)) {
        out.add(new Span(pack, start, (int) (end - start), run));
        run.clear();
      }
      if (run.isEmpty()) {
        start = loc.offset();
        end = start;
      }
      run.add(loc);
      end = Math.max(end, blobEnd);
    }
    if (!run.isEmpty()) {
      out.add(new Span(pack, start, (int) (end - start), run));
    }
    return out;
  }
}
