package org.kho.app;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kho.crypto.VerifyingKey;
import org.kho.report.ComplianceReport.Failure;
import org.kho.report.ComplianceReport.Integrity;
import org.kho.report.ComplianceReport.Rule;
import org.kho.report.ComplianceReport.RuleResult;
import org.kho.report.ComplianceReport.Text;
import org.kho.report.ComplianceReport.Wipe;
import org.kho.state.AuditLog;
import org.kho.wipe.SignedCertificate;
import org.kho.wipe.WipeCertificate;

/** The alarms of a period: the audit chain, signatures that fail, failed checks, data drills found damaged; and the disks wiped. */
final class IntegrityFacts {
  private IntegrityFacts() {}

  static Integrity of(AuditLog.Verification audit, List<String> badSignatures, List<Failure> checks,
      List<DrillReports.Parsed> drills) {
    List<String> breaks = audit.breaks().stream().map(b -> b.seq() + ": " + b.what()).toList();
    List<String> damaged = new ArrayList<>();
    for (DrillReports.Parsed d : drills) {
      for (String item : d.items()) {
        d.forItem(item).damaged().forEach(p -> damaged.add(d.drill().id() + " · " + item + " · " + p));
      }
    }
    return new Integrity(audit.entries(), audit.intact(), breaks, badSignatures, checks, damaged);
  }

  static RuleResult rule(Integrity i) {
    Text fact = Text.of(i.ok() ? "fact.integrity.met" : "fact.integrity", i.auditEntries(), i.auditBreaks().size(),
        i.badSignatures().size(), i.checksFailed().size(), i.damagedByDrills().size());
    return Rules.waivable(Rule.INTEGRITY, i.ok(), fact, null, Text.of("fix.integrity"));
  }

  /** The wipes finished in [from, end), each with its signature checked when the key is known. */
  static List<Wipe> wipes(List<String> documents, Optional<VerifyingKey> key, Instant from, Instant end,
      List<String> badSignatures) {
    List<Wipe> out = new ArrayList<>();
    for (String json : documents) {
      Optional<SignedCertificate> signed = SignedCertificate.fromJson(json);
      Optional<WipeCertificate> c = signed.flatMap(SignedCertificate::certificate);
      if (c.isEmpty()) {
        badSignatures.add("a wipe record that is not a signed certificate");
        continue;
      }
      WipeCertificate w = c.get();
      if (w.finished().isBefore(from) || !w.finished().isBefore(end)) {
        continue;
      }
      String signature = key.map(k -> signed.get().verifies(k) ? "VALID" : "INVALID").orElse("NOT_CHECKED");
      if (signature.equals("INVALID")) {
        badSignatures.add("wipe certificate " + w.id());
      }
      out.add(new Wipe(w.id(), w.device().serial(), w.device().model(), w.method(), w.category().name(), w.finished(),
          w.outcome().name(), w.operator(), signature));
    }
    return out;
  }

  static List<String> badDrills(List<DrillReports.Parsed> drills) {
    return drills.stream().filter(d -> "INVALID".equals(d.drill().signature()))
        .map(d -> "drill report " + d.drill().id()).toList();
  }
}
