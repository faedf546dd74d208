/**
 * Backup: walks the sources, reads only what changed since the parent snapshot, feeds chunks to
 * a pool of workers (hash, compress, encrypt, pack) and commits a signed snapshot. Refuses a
 * target on the same filesystem as a source unless a reason is given.
 *
 * <p>{@link org.kho.backup.BackupService} is the entry point. Imports {@code repository},
 * {@code plan}, {@code catalogue} and {@code core}.
 */
package org.kho.backup;
