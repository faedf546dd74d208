package org.kho.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.kho.core.KhoException;
import org.kho.crypto.Sha256;
import org.kho.crypto.VerifyingKey;
import org.kho.evidence.BundleReport.Failure;
import org.kho.repository.EvidenceRecord;
import org.kho.repository.EvidenceStore;
import org.kho.wipe.SignedCertificate;
import org.kho.wipe.WipeCertificate;

/**
 * Checks an evidence bundle offline with a public key alone: the manifest's signature; that every
 * member it lists is there with the bytes it lists and nothing else is; every signed record's signer
 * and signature; that each snapshot statement's object is there with the bytes its name is the hash
 * of (or that a signed statement accounts for its absence); the audit-log segment's chain; and that
 * every dated record falls in the period. Never throws for bad content: every failure is reported,
 * naming the member.
 */
public final class BundleVerifier {
  private final String bundle;
  private final List<Failure> failures = new ArrayList<>();
  private final Map<String, String> listedKinds = new TreeMap<>();
  private Map<String, byte[]> members;
  private VerifyingKey key;
  private Period period;
  private boolean keyFromBundle;

  private BundleVerifier(String bundle) {
    this.bundle = bundle;
  }

  /**
   * Checks the bundle read from {@code in} against {@code given}, the key the auditor holds, or,
   * when none is given, against the key inside the bundle (the report says so).
   */
  public static BundleReport verify(String bundle, InputStream in, Optional<VerifyingKey> given) {
    return new BundleVerifier(bundle).run(in, given);
  }

  private BundleReport run(InputStream in, Optional<VerifyingKey> given) {
    BundleReader.Opened opened = BundleReader.read(in);
    failures.addAll(opened.failures());
    members = opened.members();
    Optional<VerifyingKey> shipped = shippedKey();
    key = given.or(() -> shipped).orElse(null);
    keyFromBundle = given.isEmpty();
    if (key == null) {
      return report(null, List.of());
    }
    if (given.isPresent() && shipped.isPresent() && !shipped.get().fingerprint().equals(key.fingerprint())) {
      fail(BundleLayout.KEY, "key mismatch", "the bundle's key is " + shipped.get().fingerprint()
          + ", not the key given, " + key.fingerprint());
    }
    JsonNode manifest = manifest();
    if (manifest == null) {
      return report(null, List.of());
    }
    checkMembers(manifest);
    checkTargets();
    checkRecords();
    checkAudit(manifest.path("audit"));
    List<String> gaps = new ArrayList<>();
    manifest.path("gaps").forEach(g -> gaps.add(g.path("what").asText() + ": " + g.path("why").asText()));
    return report(manifest.path("period").asText(null), gaps);
  }

  private Optional<VerifyingKey> shippedKey() {
    byte[] pem = members.get(BundleLayout.KEY);
    if (pem == null) {
      fail(BundleLayout.KEY, "missing member", "the bundle carries no public key");
      return Optional.empty();
    }
    try {
      return Optional.of(VerifyingKey.parse(new String(pem, StandardCharsets.US_ASCII), BundleLayout.KEY));
    } catch (KhoException e) {
      fail(BundleLayout.KEY, "unreadable", e.getMessage());
      return Optional.empty();
    }
  }

  /** The signed manifest, or null when it is missing or not signed by the key (nothing can be trusted then). */
  private JsonNode manifest() {
    byte[] text = members.get(BundleLayout.MANIFEST);
    byte[] signature = members.get(BundleLayout.SIGNATURE);
    if (text == null || signature == null) {
      failKind(text == null ? BundleLayout.MANIFEST : BundleLayout.SIGNATURE, MemberKind.MANIFEST, "missing member",
          "the bundle has no signed manifest, so none of it can be trusted");
      return null;
    }
    if (!key.verify(text, signature)) {
      failKind(BundleLayout.MANIFEST, MemberKind.MANIFEST, "bad signature", "manifest.sig is not a signature of "
          + "manifest.json by key " + key.fingerprint() + ": the manifest was changed, or another key signed it");
      return null;
    }
    JsonNode n;
    try {
      n = Envelopes.MAPPER.readTree(text);
    } catch (IOException e) {
      n = null;
    }
    if (n == null || !BundleLayout.TYPE.equals(n.path("type").asText())) {
      failKind(BundleLayout.MANIFEST, MemberKind.MANIFEST, "unreadable", "the signed manifest is not a " + BundleLayout.TYPE);
      return null;
    }
    try {
      period = Period.parse(n.path("period").asText(), ZoneId.of(n.path("zone").asText()));
    } catch (RuntimeException e) {
      failKind(BundleLayout.MANIFEST, MemberKind.MANIFEST, "unreadable", "the manifest's period or zone is not valid");
      return null;
    }
    if (!period.from().toString().equals(n.path("from").asText()) || !period.to().toString().equals(n.path("to").asText())) {
      failKind(BundleLayout.MANIFEST, MemberKind.MANIFEST, "wrong period", "from/to are not those of " + period.label());
    }
    return n;
  }

  private void checkMembers(JsonNode manifest) {
    for (JsonNode m : manifest.path("members")) {
      String path = m.path("path").asText();
      listedKinds.put(path, m.path("kind").asText());
      byte[] bytes = members.get(path);
      if (bytes == null) {
        fail(path, "missing member", "listed in the signed manifest but not in the bundle: removed after signing");
      } else if (!Sha256.hex(bytes).equals(m.path("sha256").asText())) {
        fail(path, "altered member", "its SHA-256 is " + Sha256.hex(bytes) + ", the signed manifest says "
            + m.path("sha256").asText() + ": changed after signing");
      }
    }
    for (String path : members.keySet()) {
      if (!listedKinds.containsKey(path) && !path.equals(BundleLayout.MANIFEST) && !path.equals(BundleLayout.SIGNATURE)) {
        fail(path, "stray member", "not listed in the signed manifest: added after signing");
      }
    }
  }

  /** Each target's records, checked as a repository's evidence is, over the objects in the bundle. */
  private void checkTargets() {
    Map<String, Map<String, Map<String, byte[]>>> byTarget = new TreeMap<>();
    members.forEach((path, bytes) -> {
      String target = BundleLayout.targetOf(path);
      if (target != null) {
        String rest = path.substring(BundleLayout.target(target).length());
        int slash = rest.indexOf('/');
        String folder = slash < 0 ? rest : rest.substring(0, slash);
        byTarget.computeIfAbsent(target, t -> new TreeMap<>()).computeIfAbsent(folder, f -> new LinkedHashMap<>())
            .put(rest.substring(slash + 1), bytes);
      }
    });
    byTarget.forEach(this::checkTarget);
  }

  private void checkTarget(String target, Map<String, Map<String, byte[]>> folders) {
    String dir = BundleLayout.target(target);
    Map<String, byte[]> evidence = folders.getOrDefault("evidence", Map.of());
    byte[] config = folders.getOrDefault("config", Map.of()).get("config");
    if (config == null) {
      fail(dir + "config", "missing member", "the repository config of target " + target + " is not in the bundle");
      return;
    }
    EvidenceStore store = EvidenceStore.inMemory(dir, config, evidence, folders.getOrDefault("snapshots", Map.of()));
    EvidenceReport report;
    try {
      report = new EvidenceVerifier(store).verify(key);
    } catch (RuntimeException e) {
      fail(dir + "config", "unreadable", "the repository config of target " + target + " cannot be read");
      return;
    }
    report.failures().forEach(f -> fail(dir + "evidence/" + f.record(), f.problem().label(), f.detail()));
    report.unsigned().forEach(s -> fail(dir + "snapshots/" + s, "unsigned snapshot object",
        "no record in the bundle signed by " + key.fingerprint() + " names it"));
    report.verified().forEach(v -> checkPeriod(dir + "evidence/" + v.record(), evidence.get(v.record())));
  }

  /** Drill reports, wipe certificates and other signed records kept outside a repository. */
  private void checkRecords() {
    members.forEach((path, bytes) -> {
      if (!path.startsWith(BundleLayout.RECORDS)) {
        return;
      }
      Optional<EvidenceRecord> rec = Envelopes.parse(bytes);
      if (rec.isEmpty()) {
        fail(path, "unreadable record", "not a signed record: not JSON, or it lacks its statement, signer or signature");
        return;
      }
      try {
        Statement s = EvidenceVerifier.authenticate(rec.get(), key);
        if (WipeCertificate.TYPE.equals(s.type()) && SignedCertificate.parse(rec.get().statement()).isEmpty()) {
          fail(path, "unreadable record", "the signed statement is not a whole wipe certificate");
          return;
        }
        checkPeriod(path, bytes);
      } catch (EvidenceVerifier.Rejected r) {
        fail(path, r.problem().label(), r.getMessage());
      }
    });
  }

  private void checkPeriod(String path, byte[] bytes) {
    Optional<Statement> s = Envelopes.parse(bytes).flatMap(r -> Statement.parse(r.statement()));
    if (s.isPresent() && MemberKind.ofRecord(s.get().type()).dated() && !period.covers(s.get())) {
      fail(path, "outside the period", "its " + (s.get().month() != null ? "month " + s.get().month()
          : "time " + (s.get().time() != null ? s.get().time() : s.get().started())) + " is not in " + period.label());
    }
  }

  private void checkAudit(JsonNode audit) {
    byte[] segment = members.get(BundleLayout.AUDIT);
    if (audit.isMissingNode()) {
      return;
    }
    if (segment == null) {
      return; // reported as a missing member
    }
    AuditSegmentCheck.problems(segment, audit.path("before").asText(), audit.path("last").asText(),
        audit.path("entries").asLong(), period).forEach(p -> fail(BundleLayout.AUDIT, "audit chain broken", p));
  }

  private void fail(String path, String problem, String detail) {
    failures.add(new Failure(path, listedKinds.getOrDefault(path, kindOf(path)), problem, detail));
  }

  private void failKind(String path, MemberKind kind, String problem, String detail) {
    failures.add(new Failure(path, kind.id(), problem, detail));
  }

  /** The kind of a member the manifest does not list, as far as its path and content tell. */
  private String kindOf(String path) {
    if (path.equals(BundleLayout.KEY)) {
      return MemberKind.PUBLIC_KEY.id();
    }
    byte[] bytes = members == null ? null : members.get(path);
    return Optional.ofNullable(bytes).flatMap(Envelopes::parse).flatMap(r -> Statement.parse(r.statement()))
        .map(s -> MemberKind.ofRecord(s.type()).id()).orElse("unknown");
  }

  private BundleReport report(String label, List<String> gaps) {
    Set<String> failed = new HashSet<>();
    failures.forEach(f -> failed.add(f.member()));
    Map<String, Integer> verified = new TreeMap<>();
    listedKinds.forEach((path, kind) -> {
      if (!failed.contains(path)) {
        verified.merge(kind, 1, Integer::sum);
      }
    });
    return new BundleReport(bundle, label, key == null ? null : key.fingerprint(), keyFromBundle, verified, failures,
        gaps);
  }
}
