package org.kho.wipe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.kho.crypto.SigningKey;
import org.kho.crypto.VerifyingKey;

/**
 * A wipe certificate signed with the agency's Ed25519 key, in the envelope of Kho's evidence
 * records: the statement is kept as the exact JSON text that was signed (type {@value
 * WipeCertificate#TYPE}, time, host, and the certificate), with the signer's fingerprint and the
 * base64 signature of its UTF-8 bytes. Anyone with the public key can check it.
 *
 * @param statement the signed JSON text
 * @param signer the fingerprint of the signing key
 * @param signature the Ed25519 signature, base64
 */
public record SignedCertificate(String statement, String signer, String signature) {

  /** Signs {@code c} with {@code key}. */
  public static SignedCertificate sign(WipeCertificate c, SigningKey key) {
    ObjectNode n = Journal.MAPPER.createObjectNode();
    n.put("type", WipeCertificate.TYPE);
    n.put("time", c.finished().toString());
    n.put("host", c.host());
    n.set("certificate", Journal.MAPPER.valueToTree(c));
    String statement;
    try {
      statement = Journal.MAPPER.writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    byte[] sig = key.sign(statement.getBytes(StandardCharsets.UTF_8));
    return new SignedCertificate(statement, key.verifying().fingerprint(), Base64.getEncoder().encodeToString(sig));
  }

  /** Whether {@code key} signed exactly this statement. */
  public boolean verifies(VerifyingKey key) {
    try {
      return signer.equals(key.fingerprint())
          && key.verify(statement.getBytes(StandardCharsets.UTF_8), Base64.getDecoder().decode(signature));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The envelope as JSON text, as it is kept in a register file and read by {@code kho evidence verify}. */
  public String json() {
    try {
      return Journal.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The signed wipe certificate in envelope JSON text {@code json}, or empty when it holds none. */
  public static Optional<SignedCertificate> fromJson(String json) {
    try {
      SignedCertificate c = Journal.MAPPER.readValue(json, SignedCertificate.class);
      return c == null || c.statement() == null || c.certificate().isEmpty() ? Optional.empty() : Optional.of(c);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The certificate the statement holds, or empty when the statement is not a wipe certificate. */
  public Optional<WipeCertificate> certificate() {
    return parse(statement);
  }

  /** The certificate in a signed statement's JSON text, or empty when it holds none. */
  public static Optional<WipeCertificate> parse(String statement) {
    try {
      JsonNode n = Journal.MAPPER.readTree(statement);
      if (n == null || !WipeCertificate.TYPE.equals(n.path("type").asText()) || !n.path("certificate").isObject()) {
        return Optional.empty();
      }
      return Optional.of(Journal.MAPPER.treeToValue(n.get("certificate"), WipeCertificate.class));
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
