package org.kho.catalogue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whom the daemon tells about failures, overdue items and repaired problems: by email, by a
 * webhook, or both, gathered into one digest per {@code digest} period rather than a message each.
 */
public record Notifications(Optional<Email> email, Optional<Webhook> webhook, Duration digest) {
  /** The digest period when none is given. */
  public static final Duration DEFAULT_DIGEST = Duration.ofMinutes(15);
  public static final Notifications NONE = new Notifications(Optional.empty(), Optional.empty(), DEFAULT_DIGEST);

  /** Mail through an SMTP server. */
  public record Email(String host, int port, Security security, Optional<String> user, Optional<SecretRef> password,
      String from, List<String> to) {
    /** Copies the list. */
    public Email {
      to = List.copyOf(to);
    }
  }

  /** How the SMTP connection is protected. */
  public enum Security {
    /** Plain connection upgraded with STARTTLS, which must succeed (port 587). */
    STARTTLS,
    /** TLS from the first byte (port 465). */
    TLS,
    /** No encryption: only for a relay on the same machine. */
    NONE;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    int defaultPort() {
      return switch (this) {
        case STARTTLS -> 587;
        case TLS -> 465;
        case NONE -> 25;
      };
    }
  }

  /** A JSON POST to a URL (chat systems, incident tools). */
  public record Webhook(URI url) {}
}
