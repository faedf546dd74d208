package org.kho.logarchive;

import org.kho.repository.EvidenceRecord;

/**
 * Whether an evidence record carries a good signature of the agency's key. The app wires it to
 * the agency's public key; a manifest whose record fails it does not count.
 */
@FunctionalInterface
public interface Signatures {
  boolean valid(EvidenceRecord record);
}
