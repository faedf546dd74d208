/**
 * The cryptographic primitives Kho uses, each behind one small class: AES-256-GCM sealing
 * ({@link org.kho.crypto.Aead}), HKDF-SHA256 sub-keys ({@link org.kho.crypto.Hkdf}), Argon2id
 * passphrase stretching ({@link org.kho.crypto.Argon2id}), keyed chunk ids
 * ({@link org.kho.crypto.KeyedHash}), SHA-256 object names ({@link org.kho.crypto.Sha256}) and
 * Ed25519 signatures ({@link org.kho.crypto.SigningKey}, {@link org.kho.crypto.VerifyingKey}); for
 * SSH, AES-GCM keyed once for a run of packets ({@link org.kho.crypto.GcmContext}) and random bytes
 * ({@link org.kho.crypto.CryptoRandom}).
 *
 * <p>Bulk work goes through the JDK provider, which has hardware intrinsics; BouncyCastle is used
 * only for what the JDK lacks (BLAKE2b, under Kho's own Argon2id, whose lanes run in parallel) and only here;
 * the system's libargon2 computes Argon2id where it is installed (the same bytes, less CPU). Imports only {@code core}. No method
 * here logs or puts key material into an exception message.
 */
package org.kho.crypto;
