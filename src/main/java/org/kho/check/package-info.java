/**
 * Check: proves a repository is intact. The structure pass reads every index, snapshot and tree
 * and makes sure each chunk a file needs is indexed in a pack that exists; {@code --read-data}
 * (or a subset of packs) decrypts and re-hashes every blob. Each problem is reported with the
 * snapshots and files it affects.
 *
 * <p>{@link org.kho.check.CheckService} is the entry point. Imports {@code repository},
 * {@code plan}, {@code catalogue} and {@code core}.
 */
package org.kho.check;
