package org.kho.evidence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.kho.crypto.Sha256;
import org.kho.crypto.SigningKey;
import org.kho.repository.EvidenceRecord;
import org.kho.repository.EvidenceStore;

/**
 * Gathers the signed evidence of one period and writes it as an evidence bundle: a zip file whose
 * signed manifest lists every member with its kind, size and SHA-256 (FORMAT.md, "Evidence bundle").
 * It carries only what an auditor verifies with the public key: plaintext signed records, the
 * sealed bytes of the snapshot objects they bind, repositories' plaintext configs, the audit-log
 * segment, the public key and a guide — never a private key, password or decrypted content.
 * Not thread-safe; one export per instance.
 */
public final class BundleExport {
  private final Period period;
  private final Clock clock;
  private final String host;
  private final String program;
  private final Map<String, Member> members = new TreeMap<>();
  private final Set<String> statements = new HashSet<>();
  private final ArrayNode targets = Envelopes.MAPPER.createArrayNode();
  private final ArrayNode gaps = Envelopes.MAPPER.createArrayNode();
  private ObjectNode audit;

  public BundleExport(Period period, Clock clock, String host, String program) {
    this.period = period;
    this.clock = clock;
    this.host = host;
    this.program = program;
  }

  /** A member: its kind and exact bytes. */
  record Member(MemberKind kind, byte[] bytes) {}

  /** What was written: members by kind, and what could not be gathered. */
  public record Summary(Map<MemberKind, Integer> members, List<String> gaps, String key) {}

  /**
   * Adds the period's signed records of the repository on one target, with the snapshot objects
   * they bind (or the statement that accounts for one forgotten since) and the repository's
   * config. Returns how many records were added; records that cannot be read are noted as gaps.
   */
  public int addRepository(String target, EvidenceStore store) {
    String dir = BundleLayout.target(target);
    Map<String, byte[]> forgets = new LinkedHashMap<>();
    Map<String, Statement> taken = new LinkedHashMap<>();
    Set<String> named = new HashSet<>();
    for (String name : store.recordNames()) {
      byte[] bytes = store.recordBytes(name);
      Optional<EvidenceRecord> rec = Envelopes.parse(bytes);
      Optional<Statement> s = rec.flatMap(r -> Statement.parse(r.statement()));
      if (s.isEmpty()) {
        gap(target + ": evidence/" + name, "not a signed record; left out");
        continue;
      }
      if (s.get().forgets()) {
        forgets.put(s.get().snapshot(), bytes);
        named.add(s.get().snapshot());
      } else if (s.get().aboutSnapshot()) {
        named.add(s.get().snapshot());
      }
      if (period.covers(s.get()) && add(dir + "evidence/" + name, bytes, rec.get())) {
        taken.put(name, s.get());
      }
    }
    taken.values().stream().filter(Statement::aboutSnapshot).forEach(s -> addSnapshot(dir, s.snapshot(), store, forgets));
    if (!taken.isEmpty()) {
      members.put(dir + "config", new Member(MemberKind.REPOSITORY_CONFIG, store.configBytes()));
    }
    long unsigned = store.snapshotNames().stream().filter(n -> !named.contains(n)).count();
    if (unsigned > 0) {
      gap(target + ": " + unsigned + " snapshot object(s)", "no signed record names them, so when they were made cannot "
          + "be told without the repository key (backups made without a signing key?)");
    }
    ObjectNode t = targets.addObject();
    t.put("id", target);
    t.put("repository", store.repositoryId());
    t.put("records", taken.size());
    return taken.size();
  }

  /**
   * Adds the sealed bytes of a snapshot a statement binds; when retention has removed it since, the
   * signed statement that says so ({@code forgets}: its bytes by snapshot), which is named by its hash.
   */
  private void addSnapshot(String dir, String snapshot, EvidenceStore store, Map<String, byte[]> forgets) {
    Optional<byte[]> object = store.snapshotBytes(snapshot);
    if (object.isPresent()) {
      members.put(dir + "snapshots/" + snapshot, new Member(MemberKind.SNAPSHOT_OBJECT, object.get()));
    } else if (forgets.containsKey(snapshot)) {
      byte[] bytes = forgets.get(snapshot);
      add(dir + "evidence/" + Sha256.hex(bytes), bytes, Envelopes.parse(bytes).orElseThrow());
    }
  }

  /**
   * Adds a signed record kept outside a repository (a drill report or wipe certificate from the
   * state store or the disposal register), unless it is not of the period or its statement is
   * already in the bundle. Returns whether it was added.
   */
  public boolean addRecord(String envelopeJson, String source) {
    byte[] bytes = envelopeJson.getBytes(StandardCharsets.UTF_8);
    Optional<EvidenceRecord> rec = Envelopes.parse(bytes);
    Optional<Statement> s = rec.flatMap(r -> Statement.parse(r.statement()));
    if (s.isEmpty()) {
      gap(source, "not a signed record; left out");
      return false;
    }
    if (!period.covers(s.get())) {
      return false;
    }
    String folder = switch (MemberKind.ofRecord(s.get().type())) {
      case DRILL_REPORT -> "drills/";
      case WIPE_CERTIFICATE -> "wipes/";
      default -> "other/";
    };
    return add(BundleLayout.RECORDS + folder + Sha256.hex(bytes) + ".json", bytes, rec.get());
  }

  /** Adds the audit-log entries of the period, after the entry whose hash is {@code before}. */
  public void addAuditSegment(String before, List<AuditLine> lines) {
    members.put(BundleLayout.AUDIT, new Member(MemberKind.AUDIT_SEGMENT, AuditSegmentCheck.write(lines)));
    audit = Envelopes.MAPPER.createObjectNode();
    audit.put("before", before);
    audit.put("last", lines.isEmpty() ? before : lines.getLast().hash());
    audit.put("entries", lines.size());
    if (!lines.isEmpty()) {
      audit.put("firstSeq", lines.getFirst().seq());
      audit.put("lastSeq", lines.getLast().seq());
    }
  }

  /** Notes, in the signed manifest, evidence that could not be gathered and why. */
  public void gap(String what, String why) {
    gaps.addObject().put("what", what).put("why", why);
  }

  /** Adds a record once per statement; the first copy met is kept. */
  private boolean add(String path, byte[] bytes, EvidenceRecord rec) {
    if (!statements.add(Sha256.hex(rec.statement().getBytes(StandardCharsets.UTF_8)))) {
      return false;
    }
    Statement s = Statement.parse(rec.statement()).orElseThrow();
    members.put(path, new Member(MemberKind.ofRecord(s.type()), bytes));
    return true;
  }

  /** Signs the manifest with {@code key} and writes the bundle to {@code out} (not closed). */
  public Summary write(OutputStream out, SigningKey key) throws IOException {
    Instant created = clock.instant();
    String fingerprint = key.verifying().fingerprint();
    members.put(BundleLayout.KEY, new Member(MemberKind.PUBLIC_KEY, key.verifying().pem().getBytes(StandardCharsets.US_ASCII)));
    members.put(BundleLayout.GUIDE, new Member(MemberKind.GUIDE, Guide.text(period, fingerprint, created)));
    members.remove(BundleLayout.SUMS);
    members.put(BundleLayout.SUMS, new Member(MemberKind.CHECKSUMS, sums()));
    byte[] manifest = manifest(created, fingerprint).getBytes(StandardCharsets.UTF_8);
    ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
    entry(zip, BundleLayout.MANIFEST, manifest, created);
    entry(zip, BundleLayout.SIGNATURE, key.sign(manifest), created);
    for (Map.Entry<String, Member> m : members.entrySet()) {
      entry(zip, m.getKey(), m.getValue().bytes(), created);
    }
    zip.finish();
    Map<MemberKind, Integer> counts = new EnumMap<>(MemberKind.class);
    members.values().forEach(m -> counts.merge(m.kind(), 1, Integer::sum));
    List<String> noted = new java.util.ArrayList<>();
    gaps.forEach(g -> noted.add(g.get("what").asText() + ": " + g.get("why").asText()));
    return new Summary(counts, noted, fingerprint);
  }

  private byte[] sums() {
    StringBuilder text = new StringBuilder();
    members.forEach((path, m) -> text.append(Sha256.hex(m.bytes())).append("  ").append(path).append('\n'));
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  private String manifest(Instant created, String fingerprint) {
    ObjectNode n = Envelopes.MAPPER.createObjectNode();
    n.put("type", BundleLayout.TYPE);
    n.put("period", period.label());
    n.put("zone", period.zone().getId());
    n.put("from", period.from().toString());
    n.put("to", period.to().toString());
    n.put("created", created.toString());
    n.put("host", host);
    n.put("program", program);
    n.put("signer", fingerprint);
    n.set("targets", targets);
    n.set("gaps", gaps);
    if (audit != null) {
      n.set("audit", audit);
    }
    ArrayNode list = n.putArray("members");
    members.forEach((path, m) -> list.addObject().put("path", path).put("kind", m.kind().id())
        .put("size", m.bytes().length).put("sha256", Sha256.hex(m.bytes())));
    try {
      return Envelopes.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void entry(ZipOutputStream zip, String name, byte[] bytes, Instant time) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTime(time.toEpochMilli());
    zip.putNextEntry(e);
    zip.write(bytes);
    zip.closeEntry();
  }
}
