package org.kho.evidence;

/**
 * The names inside an evidence bundle (FORMAT.md, "Evidence bundle"). The bundle is a zip file;
 * {@value #MANIFEST} is the signed statement listing every other member with its kind, size and
 * SHA-256, and {@value #SIGNATURE} its raw Ed25519 signature.
 */
final class BundleLayout {
  /** The statement type of a bundle manifest. */
  static final String TYPE = "kho.evidence.bundle.v1";
  static final String MANIFEST = "manifest.json";
  static final String SIGNATURE = "manifest.sig";
  static final String GUIDE = "README.md";
  static final String KEY = "public-key.pem";
  static final String SUMS = "SHA256SUMS";
  static final String AUDIT = "audit/segment.jsonl";
  static final String TARGETS = "targets/";
  static final String RECORDS = "records/";

  private BundleLayout() {}

  /** The folder of a target's objects: {@code targets/<id>/}. */
  static String target(String id) {
    return TARGETS + id + "/";
  }

  /** The target a {@code targets/<id>/...} path is under, or null. */
  static String targetOf(String path) {
    if (!path.startsWith(TARGETS)) {
      return null;
    }
    int slash = path.indexOf('/', TARGETS.length());
    return slash < 0 ? null : path.substring(TARGETS.length(), slash);
  }
}
