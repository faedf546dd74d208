package org.kho.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The catalogue most end-to-end tests need: one local disk target and one nightly item
 * {@code documents} backing up one folder onto it (same disk allowed, as a test machine has one),
 * optionally signed; further top-level sections (log sources, say) are appended as written.
 */
public final class TestCatalogue {
  private final Path repository;
  private final Path password;
  private String sources;
  private String signing = "";
  private String retention = "{daily: 14, monthly: 12}";
  private String more = "";

  private TestCatalogue(Path repository, Path password, Path source) {
    this.repository = repository;
    this.password = password;
    this.sources = "[{path: " + source + "}]";
  }

  /** Item {@code documents} backs up {@code source} into the repository at {@code repository}. */
  public static TestCatalogue oneDisk(Path repository, Path password, Path source) {
    return new TestCatalogue(repository, password, source);
  }

  /** Snapshots are signed with the private key in {@code keyFile}. */
  public TestCatalogue signedWith(Path keyFile) {
    this.signing = "signingKey: {file: " + keyFile + "}\n";
    return this;
  }

  /** The item's sources, as a YAML flow sequence, e.g. {@code [{path: /a, exclude: ["*.tmp"]}]}. */
  public TestCatalogue sources(String flowSequence) {
    this.sources = flowSequence;
    return this;
  }

  /** The item's retention, as a YAML flow mapping, e.g. {@code {last: 1}}. */
  public TestCatalogue retention(String flowMapping) {
    this.retention = flowMapping;
    return this;
  }

  /** Top-level sections appended after the items, as YAML text starting at column 0. */
  public TestCatalogue then(String sections) {
    this.more = sections;
    return this;
  }

  public String yaml() {
    return """
        version: 1
        agency: {name: "Test agency", unit: "IT", contact: "it@example.gov.vn"}
        %stargets:
          - id: disk
            description: test disk
            path: %s
            media: external-disk
            repositoryPassword: {file: %s}
        items:
          - id: documents
            name: Documents
            owner: Office
            securityLevel: 2
            sources: %s
            targets: [disk]
            schedule: nightly
            retention: %s
            allowSameDevice: "test: one disk in the test machine"
        """.formatted(signing, repository, password, sources, retention) + more;
  }

  /** Writes {@code catalogue.yaml} into the config directory {@code config}. */
  public void writeTo(Path config) throws IOException {
    Files.writeString(config.resolve("catalogue.yaml"), yaml());
  }
}
