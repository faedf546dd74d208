package org.kho.evidence;

import org.kho.drill.DrillStatement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.kho.crypto.VerifyingKey;
import org.kho.repository.EvidenceRecord;

/**
 * A drill report as it is kept (in the state store's evidence index, or as a record in a
 * repository's {@code evidence/}): the evidence envelope with its statement text as signed, and the
 * facts read from that text. The facts are only to be trusted once {@link #check} says the agency's
 * key signed exactly that text.
 *
 * @param record the envelope: statement text, signer fingerprint, base64 signature
 * @param statement the facts of the statement
 * @param source where it was found, for messages (e.g. {@code state} or a repository record name)
 */
public record SignedDrillReport(EvidenceRecord record, DrillStatement statement, String source) {
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The drill report in envelope JSON text {@code json}, or empty when it holds none. */
  public static Optional<SignedDrillReport> fromJson(String json, String source) {
    try {
      EvidenceRecord rec = MAPPER.readValue(json, EvidenceRecord.class);
      return rec == null ? Optional.empty() : of(rec, source);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The drill report in record {@code rec}, or empty when its statement is not one. */
  public static Optional<SignedDrillReport> of(EvidenceRecord rec, String source) {
    if (rec.statement() == null || rec.signer() == null || rec.signature() == null) {
      return Optional.empty();
    }
    return DrillStatement.parse(rec.statement()).map(s -> new SignedDrillReport(rec, s, source));
  }

  /** The report id. */
  public String id() {
    return statement.id();
  }

  /** The fingerprint of the key the envelope says signed it. */
  public String signer() {
    return record.signer();
  }

  /**
   * Whether {@code key} signed exactly this statement, checked as {@code kho evidence verify} checks
   * every record.
   */
  public Check check(VerifyingKey key) {
    try {
      EvidenceVerifier.authenticate(record, key);
      return new Check(true, key.fingerprint(), "signature verified with the agency key " + key.fingerprint());
    } catch (EvidenceVerifier.Rejected r) {
      return new Check(false, key.fingerprint(), r.problem().label() + ": " + r.getMessage());
    }
  }

  /**
   * The result of checking the signature.
   *
   * @param verified whether the key signed exactly this statement
   * @param key the fingerprint of the key checked against
   * @param detail one line for people: verified, or what is wrong
   */
  public record Check(boolean verified, String key, String detail) {}
}
