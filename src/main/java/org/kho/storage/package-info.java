/**
 * The storage SPI: a {@link org.kho.storage.Storage} holds a repository's objects and promises
 * atomic, durable, write-once creates. Targets live in sub-packages ({@code storage.local},
 * {@code storage.vfs}); {@link org.kho.storage.MemoryStorage} serves tests.
 *
 * <p>Imports only {@code core}. Knows nothing of encryption or of what the bytes mean.
 */
package org.kho.storage;
