/**
 * Evidence: the signed statements Kho leaves in a repository's {@code evidence/} folder (snapshot
 * statements today; drill reports, log-month manifests and wipe certificates later), and their
 * verification by anyone holding only the agency's public key, without the repository password.
 *
 * <p>{@link org.kho.evidence.SignedDrillReport} reads a drill report ({@code kho.drill.v1}, facts in
 * {@link org.kho.drill.DrillStatement}) from its envelope and checks its signature the same way.
 *
 * <p>{@link org.kho.evidence.EvidenceVerifier} is the entry point; it reads the repository through
 * {@link org.kho.repository.EvidenceStore}. Imports {@code crypto}, {@code repository}, the engines
 * and {@code core}.
 */
package org.kho.evidence;
