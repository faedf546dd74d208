package org.kho.repository;

import java.util.List;

/**
 * What a prune found and did (or, without {@code apply}, would do).
 *
 * @param packs stored packs, and {@code packBytes} their size
 * @param usedBytes sealed bytes of blobs some snapshot references
 * @param unusedPacks packs holding no referenced blob: condemned by this run
 * @param repackPacks packs with enough unused bytes to repack; {@code repackBytes} of their
 *     referenced blobs are copied into new packs, then the old packs are condemned
 * @param waiting packs condemned earlier, still in their grace period (or blocked, see
 *     {@code postponed})
 * @param deletedPacks packs the sweep deleted (or would delete), {@code deletedBytes} freed
 * @param rescuedPacks condemned packs the sweep kept because a snapshot made since needs them
 * @param postponed why due sweeps were postponed: the processes they wait for
 * @param leftoverFiles temporary files that interrupted writes left in the target, removed (or
 *     that would be) because they are older than {@link Pruner#LEFTOVER_AGE} and the grace period;
 *     {@code leftoverBytes} their size
 */
public record PruneReport(int snapshots, int packs, long packBytes, long usedBytes, int unusedPacks, long unusedBytes,
    int repackPacks, long repackBytes, int waiting, int deletedPacks, long deletedBytes, int rescuedPacks,
    List<String> postponed, int leftoverFiles, long leftoverBytes, boolean applied) {
  /** Copies the list. */
  public PruneReport {
    postponed = List.copyOf(postponed);
  }
}
