/**
 * Monthly log archives: collect a log source's files, find the month of each file or part of a
 * file, store each closed month as one tagged snapshot per source and target, and seal it with a
 * signed manifest chained to the month before; list months and gaps, verify the chain and the
 * data, and delete originals only once every target holds them intact.
 *
 * <p>Nouns: a {@link org.kho.logarchive.LogFile} has {@code Segment}s, the byte ranges of one
 * month; a {@link org.kho.logarchive.Manifest} is the signed statement of one source-month in one
 * repository, naming its snapshot, its files (size, SHA-256, first/last timestamp) and the hash of
 * the previous manifest; the manifests of a source form its chain. A compressed (gzip) file is
 * stored as it is, whole, in every month it touches (deduplication makes the second copy free),
 * so a restored month gives back the very file; a plain file spanning a month boundary is cut at
 * the first line of the next month.
 *
 * <p>{@link org.kho.logarchive.LogArchive} is the entry point. Imports {@code backup}, {@code restore},
 * {@code check}, {@code repository}, {@code plan}, {@code catalogue} and {@code core}; signatures are
 * checked through {@link org.kho.logarchive.Signatures}, which the app wires to the agency's key.
 */
package org.kho.logarchive;
