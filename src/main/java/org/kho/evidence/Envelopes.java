package org.kho.evidence;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.util.Optional;
import org.kho.repository.EvidenceRecord;

/** Reads the envelope of a signed record, {@code {"statement", "signer", "signature"}}, from its bytes. */
final class Envelopes {
  /** JSON with ISO-8601 times, tolerant of fields it does not know. */
  static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private Envelopes() {}

  /** The envelope in {@code bytes}, or empty when they are not JSON or lack a field. */
  static Optional<EvidenceRecord> parse(byte[] bytes) {
    try {
      EvidenceRecord rec = MAPPER.readValue(bytes, EvidenceRecord.class);
      if (rec == null || rec.statement() == null || rec.signer() == null || rec.signature() == null) {
        return Optional.empty();
      }
      return Optional.of(rec);
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
