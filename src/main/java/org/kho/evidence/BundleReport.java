package org.kho.evidence;

import java.util.List;
import java.util.Map;

/**
 * What {@link BundleVerifier} found in an evidence bundle.
 *
 * @param bundle the bundle file
 * @param period the period its signed manifest names, or null when the manifest is unreadable
 * @param key the fingerprint of the key everything was checked against
 * @param keyFromBundle whether that key came from the bundle itself (nobody vouched for it)
 * @param verified members that passed, counted by kind id
 * @param failures every member that did not, and why
 * @param gaps what the exporter said it could not gather (from the signed manifest)
 */
public record BundleReport(String bundle, String period, String key, boolean keyFromBundle,
    Map<String, Integer> verified, List<Failure> failures, List<String> gaps) {

  public BundleReport {
    verified = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(verified));
    failures = List.copyOf(failures);
    gaps = List.copyOf(gaps);
  }

  /** Whether every member verifies. */
  public boolean ok() {
    return failures.isEmpty();
  }

  /**
   * A member that does not verify.
   *
   * @param member its path in the bundle
   * @param kind its kind id (see {@link MemberKind#id()})
   * @param problem a few words: what kind of failure
   * @param detail what exactly is wrong
   */
  public record Failure(String member, String kind, String problem, String detail) {}
}
