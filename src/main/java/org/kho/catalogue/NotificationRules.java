package org.kho.catalogue;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.kho.catalogue.CatalogueSpec.EmailSpec;
import org.kho.catalogue.CatalogueSpec.NotificationsSpec;
import org.kho.catalogue.CatalogueSpec.WebhookSpec;

/** Checks {@code notifications:} and builds {@link Notifications}. */
final class NotificationRules {
  private NotificationRules() {}

  static Notifications build(NotificationsSpec spec, Checker c) {
    if (spec == null) {
      return Notifications.NONE;
    }
    Duration digest = c.duration(spec.digest(), "/notifications/digest").orElse(Notifications.DEFAULT_DIGEST);
    return new Notifications(email(spec.email(), c), webhook(spec.webhook(), c), digest);
  }

  private static Optional<Notifications.Email> email(EmailSpec e, Checker c) {
    if (e == null) {
      return Optional.empty();
    }
    String at = "/notifications/email";
    Optional<String> host = c.required(e.host(), at + "/host", "email notifications", "e.g. host: smtp.example.gov.vn");
    Optional<String> from = c.required(e.from(), at + "/from", "email notifications", "e.g. from: kho@example.gov.vn");
    Notifications.Security security = c.choice(e.security(), at + "/security", Notifications.Security.class,
        Notifications.Security.STARTTLS).orElse(Notifications.Security.STARTTLS);
    Optional<Integer> port = c.number(e.port(), at + "/port", 1, 65535, security.defaultPort());
    Optional<SecretRef> password = c.secret(e.password(), at + "/password", "the SMTP password");
    List<String> to = e.to() == null ? List.of() : e.to();
    if (to.isEmpty()) {
      c.error(at + "/to", "email notifications have no recipients", "e.g. to: [it@example.gov.vn]");
    }
    if (e.password() != null && e.user() == null) {
      c.error(at + "/user", "the SMTP password is given without a user", "add user: NAME");
    }
    if (host.isEmpty() || from.isEmpty() || port.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Notifications.Email(host.get(), port.get(), security, Optional.ofNullable(e.user()),
        password, from.get(), to));
  }

  private static Optional<Notifications.Webhook> webhook(WebhookSpec w, Checker c) {
    if (w == null) {
      return Optional.empty();
    }
    String at = "/notifications/webhook/url";
    Optional<String> text = c.required(w.url(), at, "the webhook", "e.g. url: https://chat.example.gov.vn/hooks/kho");
    if (text.isEmpty()) {
      return Optional.empty();
    }
    try {
      URI url = new URI(text.get());
      if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
        c.error(at, "the webhook URL is not http(s)", "e.g. https://chat.example.gov.vn/hooks/kho");
        return Optional.empty();
      }
      if (url.getUserInfo() != null) {
        c.error(at, "the webhook URL carries credentials", "use a URL whose secret part is a path token, or a relay");
        return Optional.empty();
      }
      return Optional.of(new Notifications.Webhook(url));
    } catch (URISyntaxException e) {
      c.error(at, "the webhook URL is not a valid URL", "e.g. https://chat.example.gov.vn/hooks/kho");
      return Optional.empty();
    }
  }
}
