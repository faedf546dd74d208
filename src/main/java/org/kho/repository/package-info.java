/**
 * The encrypted, deduplicating repository: content-defined chunks, keyed chunk ids, zstd, AES-256-GCM
 * blobs in packs with the header at the end, an index rebuildable from the packs, trees and
 * snapshots, key slots, locks, signed evidence, legal holds, drill results, and the two-phase prune
 * that removes unreferenced data while backups run ({@code Pruner}). The byte format and the threat model are in
 * the project's {@code FORMAT.md}.
 *
 * <p>{@link org.kho.repository.Repository} is the entry point; backup, restore and check use it and
 * never touch storage objects themselves. {@link org.kho.repository.EvidenceStore} is the keyless,
 * read-only view an auditor's verification needs. Imports {@code crypto}, {@code storage} and {@code core}.
 */
package org.kho.repository;
