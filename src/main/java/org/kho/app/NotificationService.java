package org.kho.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.kho.catalogue.Notifications;
import org.kho.core.KhoException;

/**
 * Tells people: sends one digest of events to every channel the catalogue's {@code notifications}
 * names (SMTP mail, a webhook's JSON POST). A channel that fails does not stop the others.
 */
public final class NotificationService {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Secrets secrets;
  private final HttpClient http;

  public NotificationService(Map<String, String> env) {
    this.secrets = new Secrets(env);
    this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  /** Something a person should know. */
  public record Event(Kind kind, String action, String subject, Instant at, String text) {}

  /** What happened: a run failed, an item is overdue, or a problem went away. */
  public enum Kind {
    FAILED, OVERDUE, REPAIRED;

    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** One digest: the events of a period, and how many more were left out to keep it short. */
  public record Digest(String agency, String node, List<Event> events, int omitted) {
    public Digest {
      events = List.copyOf(events);
    }

    public String subject() {
      long failed = events.stream().filter(e -> e.kind() == Kind.FAILED).count();
      long overdue = events.stream().filter(e -> e.kind() == Kind.OVERDUE).count();
      long repaired = events.stream().filter(e -> e.kind() == Kind.REPAIRED).count();
      List<String> parts = new ArrayList<>();
      if (failed > 0) {
        parts.add(failed + " failed");
      }
      if (overdue > 0) {
        parts.add(overdue + " overdue");
      }
      if (repaired > 0) {
        parts.add(repaired + " repaired");
      }
      return "[Kho] " + agency + ": " + String.join(", ", parts);
    }

    public String text() {
      StringBuilder b = new StringBuilder("Kho daemon " + node + " reports:\n\n");
      for (Event e : events) {
        b.append(e.at()).append("  ").append(e.kind().label().toUpperCase(java.util.Locale.ROOT)).append("  ")
            .append(e.action()).append(' ').append(e.subject()).append(": ").append(e.text()).append('\n');
      }
      if (omitted > 0) {
        b.append("\n… and ").append(omitted).append(" more events; kho status --config DIR shows the state of every item.\n");
      }
      return b.toString();
    }
  }

  /** Sends {@code digest} to every configured channel; returns what failed, one line per channel. */
  public List<String> send(Notifications config, Digest digest) {
    List<String> failures = new ArrayList<>();
    config.email().ifPresent(email -> {
      try {
        mail(email, digest);
      } catch (MessagingException | KhoException e) {
        failures.add("email via " + email.host() + ":" + email.port() + ": " + e.getMessage());
      }
    });
    config.webhook().ifPresent(hook -> {
      try {
        post(hook, digest);
      } catch (IOException | KhoException e) {
        failures.add("webhook " + hook.url().getHost() + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add("webhook " + hook.url().getHost() + ": interrupted");
      }
    });
    return failures;
  }

  private void mail(Notifications.Email email, Digest digest) throws MessagingException {
    Properties p = new Properties();
    p.put("mail.smtp.host", email.host());
    p.put("mail.smtp.port", Integer.toString(email.port()));
    p.put("mail.smtp.connectiontimeout", Long.toString(TIMEOUT.toMillis()));
    p.put("mail.smtp.timeout", Long.toString(TIMEOUT.toMillis()));
    p.put("mail.smtp.writetimeout", Long.toString(TIMEOUT.toMillis()));
    switch (email.security()) {
      case STARTTLS -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case TLS -> {
        p.put("mail.smtp.ssl.enable", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case NONE -> { }
    }
    email.user().ifPresent(u -> p.put("mail.smtp.auth", "true"));
    Session session = Session.getInstance(p);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress(email.from()));
    for (String to : email.to()) {
      message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
    }
    message.setSubject(digest.subject(), "UTF-8");
    message.setText(digest.text(), "UTF-8");
    message.setSentDate(Date.from(digest.events().isEmpty() ? Instant.EPOCH : digest.events().getLast().at()));
    if (email.user().isPresent()) {
      String password = email.password().map(secrets::read).orElse("");
      Transport.send(message, email.user().get(), password);
    } else {
      Transport.send(message);
    }
  }

  private void post(Notifications.Webhook hook, Digest digest) throws IOException, InterruptedException {
    ObjectNode body = JSON.createObjectNode();
    body.put("agency", digest.agency());
    body.put("node", digest.node());
    body.put("title", digest.subject());
    body.put("text", digest.text());
    ArrayNode events = body.putArray("events");
    for (Event e : digest.events()) {
      events.addObject().put("kind", e.kind().label()).put("action", e.action()).put("subject", e.subject())
          .put("at", e.at().toString()).put("text", e.text());
    }
    body.put("omitted", digest.omitted());
    HttpRequest request = HttpRequest.newBuilder(hook.url()).timeout(TIMEOUT)
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)).build();
    HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("the server answered HTTP " + response.statusCode());
    }
  }
}
