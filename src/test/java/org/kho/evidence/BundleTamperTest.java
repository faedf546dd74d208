package org.kho.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * For each kind of member, changing one byte of it, removing it, or adding a stray file beside it
 * makes the bundle fail verification, and the failure names that member.
 */
class BundleTamperTest {
  @TempDir
  static Path tmp;
  static Map<String, byte[]> members;

  /** The kinds a bundle holds, and how to find one member of each. */
  enum Kind {
    SNAPSHOT_RECORD("snapshot-record"), SNAPSHOT_OBJECT("snapshot-object"), LOG_MANIFEST("log-manifest"),
    DRILL_REPORT("drill-report"), WIPE_CERTIFICATE("wipe-certificate"), AUDIT_SEGMENT("audit-segment"),
    PUBLIC_KEY("public-key"), GUIDE("guide"), CHECKSUMS("checksums"), REPOSITORY_CONFIG("repository-config"),
    MANIFEST("manifest");

    final String id;

    Kind(String id) {
      this.id = id;
    }
  }

  @BeforeAll
  static void setUp() throws IOException {
    members = BundleFixture.members(BundleFixture.bundle(tmp.resolve("repo"), tmp.resolve("src")));
  }

  /** The path of a member of {@code kind}, as the fixture's manifest lists it. */
  private String memberOf(Kind kind) throws IOException {
    if (kind == Kind.MANIFEST) {
      return BundleLayout.MANIFEST;
    }
    for (var m : Envelopes.MAPPER.readTree(members.get(BundleLayout.MANIFEST)).path("members")) {
      if (m.path("kind").asText().equals(kind.id)) {
        return m.path("path").asText();
      }
    }
    throw new AssertionError("no " + kind.id + " in the fixture");
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void changingOneByteFailsNamingTheMember(Kind kind) throws IOException {
    String path = memberOf(kind);
    tamper(path, (p, all) -> {
      byte[] bytes = all.get(p).clone();
      bytes[bytes.length / 2] ^= 0x01;
      all.put(p, bytes);
    });
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void removingTheMemberFailsNamingIt(Kind kind) throws IOException {
    tamper(memberOf(kind), (p, all) -> all.remove(p));
  }

  @ParameterizedTest
  @EnumSource(Kind.class)
  void addingAStrayFileBesideItFailsNamingTheStray(Kind kind) throws IOException {
    String stray = memberOf(kind) + ".extra";
    tamper(stray, (p, all) -> all.put(p, all.get(BundleLayout.GUIDE)));
  }

  private void tamper(String named, BiConsumer<String, Map<String, byte[]>> change) throws IOException {
    Map<String, byte[]> changed = new LinkedHashMap<>(members);
    change.accept(named, changed);
    BundleReport report = BundleFixture.verify(BundleFixture.zip(changed), Optional.of(BundleFixture.KEY.verifying()));
    assertThat(report.ok()).isFalse();
    assertThat(report.failures()).extracting(BundleReport.Failure::member).contains(named);
  }
}
