package org.kho.repository;

/**
 * A signed statement in {@code evidence/}, readable without the repository key: the statement is a
 * JSON document kept as the exact string that was signed, so verifying needs no canonical form.
 *
 * @param statement the signed JSON text; its {@code type} says what it attests
 * @param signer the fingerprint of the signing key
 * @param signature the Ed25519 signature of the statement's UTF-8 bytes, base64
 */
public record EvidenceRecord(String statement, String signer, String signature) {}
