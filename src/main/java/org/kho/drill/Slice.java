package org.kho.drill;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * The rolling selection of a drill (DRILL-REPORT-CONTRACT, "Rolling selection"): the files whose
 * {@code floorMod(first 8 bytes of SHA-256(seed as 8 big-endian bytes || UTF-8 path), count) == index},
 * plus the plan's always-included paths. Over one cycle of {@code count} drills with one seed,
 * every file present throughout falls in exactly one slice.
 *
 * @param seed the seed of the cycle, recorded in the report
 * @param index which slice, 0 to {@code count - 1}
 * @param count how many slices a cycle has: {@code ceil(100 / percent)}
 */
public record Slice(long seed, int index, int count) {
  /** Checks the bounds. */
  public Slice {
    if (count < 1 || index < 0 || index >= count) {
      throw new IllegalArgumentException("slice " + index + " of " + count);
    }
  }

  /** How many slices a cycle has for a plan that restores {@code percent} of the files each time. */
  public static int count(int percent) {
    if (percent < 1 || percent > 100) {
      throw new IllegalArgumentException("percent " + percent);
    }
    return (100 + percent - 1) / percent;
  }

  /**
   * The slice of the next drill of a plan: after no drill, or after the last slice of a cycle (or
   * a drill with another slice count), a fresh seed and slice 0; otherwise the previous seed and
   * the next slice.
   */
  public static Slice next(Optional<Slice> previous, int percent, RandomGenerator random) {
    int count = count(percent);
    if (previous.isEmpty() || previous.get().count() != count || previous.get().index() >= count - 1) {
      return new Slice(random.nextLong(), 0, count);
    }
    return new Slice(previous.get().seed(), previous.get().index() + 1, count);
  }

  /** Whether {@code path} (as in the snapshot, e.g. {@code /srv/data/a.txt}) falls in this slice. */
  public boolean contains(String path) {
    return count == 1 || Math.floorMod(hash(seed, path), count) == index;
  }

  /** Whether {@code path} is in this slice or is, or is under, one of {@code always}. */
  public boolean selects(String path, List<String> always) {
    return contains(path) || always.stream().anyMatch(a -> under(path, a));
  }

  private static boolean under(String path, String prefix) {
    String p = prefix.length() > 1 && prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
    return path.equals(p) || path.startsWith(p.equals("/") ? "/" : p + "/");
  }

  static long hash(long seed, String path) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
      sha.update(path.getBytes(StandardCharsets.UTF_8));
      return ByteBuffer.wrap(sha.digest()).getLong();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
