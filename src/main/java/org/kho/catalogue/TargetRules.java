package org.kho.catalogue;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.kho.catalogue.CatalogueSpec.MaintenanceSpec;
import org.kho.catalogue.CatalogueSpec.TargetSpec;
import org.kho.core.ByteRate;
import org.kho.core.ScheduleId;
import org.kho.core.TargetId;
import org.kho.core.UsageException;

/** Checks one entry of {@code targets:} and builds its {@link Target}. */
final class TargetRules {
  private static final Set<String> SCHEMES = Set.of("sftp", "ftps");
  private static final List<String> REMOTE_ONLY =
      List.of("user", "password", "privateKey", "knownHosts", "trustedCertificates", "bandwidth", "connections");
  private static final int MOST_CONNECTIONS = 16;

  private TargetRules() {}

  static Optional<Target> build(TargetSpec t, String at, Checker c, Map<String, ScheduleId> schedules) {
    Optional<TargetId> id = c.id(t.id(), at + "/id", "a target", TargetId::new);
    String owner = "target '" + id.map(TargetId::value).orElse("?") + "'";
    if ((t.path() == null) == (t.url() == null)) {
      c.error(t.path() == null ? at : at + "/url", owner + (t.path() == null ? " has neither 'path' nor 'url'" : " has both 'path' and 'url'"),
          "a local or external disk takes path: /mnt/backup/kho; a remote store takes url: sftp://host/path");
      return Optional.empty();
    }
    Optional<SecretRef> repoPassword = c.secret(t.repositoryPassword(), at + "/repositoryPassword", "the repository password");
    Optional<Target.Maintenance> check = maintenance(t.check(), at + "/check", c, schedules);
    Optional<Target.Maintenance> prune = maintenance(t.prune(), at + "/prune", c, schedules);
    String description = t.description() == null ? "" : t.description();
    if (t.path() != null) {
      Optional<Path> path = c.absolutePath(t.path(), at + "/path");
      Optional<Media> media = c.choice(t.media(), at + "/media", Media.class, Media.DISK);
      for (String remoteOnly : REMOTE_ONLY) {
        if (remoteField(t, remoteOnly) != null) {
          c.error(at + "/" + remoteOnly, "'" + remoteOnly + "' is for remote targets, and " + owner + " is a local path", "remove it");
        }
      }
      if (id.isEmpty() || path.isEmpty() || media.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Target.Local(id.get(), description, path.get(), media.get(), repoPassword, check, prune));
    }
    Optional<URI> url = url(t.url(), at + "/url", c, owner);
    Optional<Media> media = c.choice(t.media(), at + "/media", Media.class, Media.REMOTE);
    Optional<SecretRef> password = c.secret(t.password(), at + "/password", "the password of " + owner);
    Optional<SecretRef> key = c.secret(t.privateKey(), at + "/privateKey", "the private key of " + owner);
    Optional<Path> knownHosts = c.absolutePath(t.knownHosts(), at + "/knownHosts");
    Optional<Path> trusted = c.absolutePath(t.trustedCertificates(), at + "/trustedCertificates");
    Optional<Target.Limits> limits = limits(t, at, c, owner);
    if (url.isPresent() && url.get().getScheme().equals("sftp") && t.knownHosts() == null) {
      c.error(at, owner + " has no 'knownHosts'", "SFTP host keys are always verified: write knownHosts: /etc/kho/known_hosts "
          + "(fill it with ssh-keyscan -p PORT HOST)");
      return Optional.empty();
    }
    if (id.isEmpty() || url.isEmpty() || media.isEmpty() || limits.isEmpty()) {
      return Optional.empty();
    }
    Optional<String> user = Optional.ofNullable(t.user()).or(() -> Optional.ofNullable(url.get().getUserInfo()));
    return Optional.of(new Target.Remote(id.get(), description, url.get(), user, password, key, knownHosts, trusted,
        limits.get(), media.get(), repoPassword, check, prune));
  }

  private static Optional<Target.Limits> limits(TargetSpec t, String at, Checker c, String owner) {
    OptionalInt connections = OptionalInt.empty();
    if (t.connections() != null) {
      if (t.connections() < 1 || t.connections() > MOST_CONNECTIONS) {
        c.error(at + "/connections", owner + " asks for " + t.connections() + " connections",
            "write a number from 1 to " + MOST_CONNECTIONS + " (default: 4 for sftp, 2 for ftps)");
        return Optional.empty();
      }
      connections = OptionalInt.of(t.connections());
    }
    OptionalLong rate = OptionalLong.empty();
    if (t.bandwidth() != null) {
      try {
        rate = OptionalLong.of(ByteRate.parse(t.bandwidth()).bytesPerSecond());
      } catch (UsageException e) {
        c.error(at + "/bandwidth", "the bandwidth of " + owner + ": " + e.getMessage(), e.hint());
        return Optional.empty();
      }
    }
    return Optional.of(new Target.Limits(connections, rate));
  }

  private static Object remoteField(TargetSpec t, String name) {
    return switch (name) {
      case "user" -> t.user();
      case "password" -> t.password();
      case "privateKey" -> t.privateKey();
      case "knownHosts" -> t.knownHosts();
      case "trustedCertificates" -> t.trustedCertificates();
      case "bandwidth" -> t.bandwidth();
      default -> t.connections();
    };
  }

  private static Optional<URI> url(String text, String pointer, Checker c, String owner) {
    URI uri;
    try {
      uri = new URI(text.trim());
    } catch (URISyntaxException e) {
      c.error(pointer, "the url of " + owner + " is not a valid URL", "e.g. sftp://backup@nas.example.gov.vn:22/srv/kho");
      return Optional.empty();
    }
    if (uri.getRawUserInfo() != null && uri.getRawUserInfo().contains(":")) {
      c.error(pointer, "the url of " + owner + " contains a password (the value is not shown here)",
          "remove it from the URL and write password: {file: /etc/kho/secrets/NAME}");
      return Optional.empty();
    }
    if (uri.getScheme() == null || !SCHEMES.contains(uri.getScheme())) {
      c.error(pointer, "the url of " + owner + " has scheme '" + uri.getScheme() + "'",
          "Kho reaches remote targets by sftp:// or ftps://; a local folder takes path: instead");
      return Optional.empty();
    }
    if (uri.getHost() == null || uri.getPath() == null || uri.getPath().isEmpty()) {
      c.error(pointer, "the url of " + owner + " has no host or no path", "e.g. sftp://backup@nas.example.gov.vn/srv/kho");
      return Optional.empty();
    }
    return Optional.of(uri);
  }

  private static Optional<Target.Maintenance> maintenance(MaintenanceSpec m, String at, Checker c,
      Map<String, ScheduleId> schedules) {
    if (m == null) {
      return Optional.empty();
    }
    Optional<ScheduleId> schedule = c.required(m.schedule(), at + "/schedule", "the maintenance entry", "name a schedule")
        .flatMap(s -> c.reference(s, at + "/schedule", "schedule", schedules));
    int percent = 0;
    if (m.readData() != null) {
      String v = m.readData().trim();
      if (!v.matches("\\d{1,3}%") || Integer.parseInt(v.replace("%", "")) > 100) {
        c.error(at + "/readData", "'" + m.readData() + "' is not a percentage", "write e.g. readData: 10% (0% reads no pack data)");
        return Optional.empty();
      }
      percent = Integer.parseInt(v.replace("%", ""));
    }
    int readData = percent;
    return schedule.map(s -> new Target.Maintenance(s, readData));
  }
}
