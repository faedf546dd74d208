package org.kho.wipe;

import java.util.List;
import java.util.Optional;

/**
 * The disposal register: every signed wipe certificate. Implementations must never replace or
 * drop a certificate once added; {@link DirectoryRegister} keeps them as files, and the state
 * store can back this interface later.
 */
public interface CertificateRegister {
  /** Adds {@code c}; returns where it is kept, for messages. Fails when one with its id exists. */
  String add(SignedCertificate c);

  /** Every certificate, oldest first; unreadable entries are left out of the list, not fatal. */
  List<SignedCertificate> list();

  /** The certificate whose id is {@code id} or starts with it, if exactly one does. */
  default Optional<SignedCertificate> find(String id) {
    List<SignedCertificate> found = list().stream()
        .filter(c -> c.certificate().map(w -> w.id().startsWith(id)).orElse(false)).toList();
    return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
  }
}
