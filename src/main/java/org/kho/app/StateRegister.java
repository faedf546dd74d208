package org.kho.app;

import java.util.List;
import java.util.Optional;
import org.kho.state.StateStore;
import org.kho.wipe.CertificateRegister;
import org.kho.wipe.DirectoryRegister;
import org.kho.wipe.SignedCertificate;
import org.kho.wipe.WipeCertificate;

/**
 * The disposal register of a config directory with a state database: each certificate is written
 * to the folder first (the file copy {@code kho evidence verify} checks), then its signed JSON is
 * kept in the state's evidence index (kind {@value #KIND}) and the wipe is appended to the audit
 * log. The list comes from the state database, so it survives the loss of the folder.
 */
final class StateRegister implements CertificateRegister {
  /** The evidence index's kind for a wipe certificate. */
  static final String KIND = "wipe";

  private final DirectoryRegister files;
  private final StateStore state;

  StateRegister(DirectoryRegister files, StateStore state) {
    this.files = files;
    this.state = state;
  }

  @Override
  public String add(SignedCertificate signed) {
    String file = files.add(signed);
    WipeCertificate c = signed.certificate().orElseThrow();
    state.evidence().add(KIND, c.device().serial(), file, c.id(), true, Optional.empty(), Optional.of(signed.json()));
    state.audit().append(c.operator(), "wipe", c.device().serial(), detail(c));
    return file;
  }

  @Override
  public List<SignedCertificate> list() {
    return state.evidence().documents(KIND).stream()
        .flatMap(json -> SignedCertificate.fromJson(json).stream()).toList();
  }

  /** What the audit log says of a wipe: the device, how it was wiped, and the outcome. */
  static String detail(WipeCertificate c) {
    return "certificate " + c.id() + ": " + c.device().path() + " (serial " + c.device().serial()
        + (c.assetTag() == null ? "" : ", asset " + c.assetTag()) + ") wiped by " + c.method()
        + (c.witness() == null ? "" : ", witness " + c.witness()) + ", verification "
        + c.verification().result().name().toLowerCase(java.util.Locale.ROOT) + ", outcome " + c.outcome();
  }
}
