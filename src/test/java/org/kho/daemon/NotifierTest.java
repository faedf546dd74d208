package org.kho.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kho.app.CatalogueService;
import org.kho.app.NotificationService;
import org.kho.catalogue.Catalogue;
import org.kho.state.Run;

/** Notifications through a real SMTP server (GreenMail) and a real HTTP server, in digests. */
class NotifierTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;

  private HttpServer web;
  private GreenMail mail;
  private final List<JsonNode> posts = new CopyOnWriteArrayList<>();

  @BeforeEach
  void startServers() throws Exception {
    web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4);
    web.createContext("/hook", exchange -> {
      posts.add(JSON.readTree(exchange.getRequestBody()));
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    web.start();
    mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    mail.start();
  }

  @AfterEach
  void stopServers() {
    web.stop(0);
    mail.stop();
  }

  private Catalogue catalogue(String security) throws Exception {
    Path config = TestConfig.write(dir, 3, "every 1 second", "run-once");
    Files.writeString(config.resolve("catalogue.yaml"), Files.readString(config.resolve("catalogue.yaml")) + """
        notifications:
          email:
            host: 127.0.0.1
            port: %d
            security: %s
            from: kho@example.gov.vn
            to: [it@example.gov.vn]
          webhook: {url: "http://127.0.0.1:%d/hook"}
          digest: 1s
        """.formatted(mail.getSmtp().getPort(), security, web.getAddress().getPort()));
    return new CatalogueService(Clock.systemUTC()).load(config);
  }

  private static Run run(String item, Run.Outcome outcome, String error) {
    Instant now = Instant.now();
    return new Run(1, "backup", item, Run.Cause.SCHEDULED, Optional.of(now), now, Optional.of(now), outcome, "n",
        Run.Figures.NONE, "", error);
  }

  @Test
  void aBurstOfFailuresMakesOneDigestByMailAndWebhookAndARepairIsNews() throws Exception {
    Catalogue catalogue = catalogue("none");
    try (Notifier notifier = new Notifier(() -> catalogue, new NotificationService(Map.of()), "node-a",
        Clock.systemUTC())) {
      notifier.finished(run("item1", Run.Outcome.FAILED, "target disk is not mounted"));
      notifier.finished(run("item2", Run.Outcome.FAILED, "target disk is not mounted"));
      notifier.finished(run("item1", Run.Outcome.FAILED, "still not mounted"));
      notifier.overdue(Set.of("item3"));
      DaemonTest.waitFor(() -> posts.size() >= 1 && mail.getReceivedMessages().length >= 1);
      notifier.finished(run("item1", Run.Outcome.SUCCEEDED, ""));
      DaemonTest.waitFor(() -> posts.size() >= 2);
    }
    JsonNode first = posts.getFirst();
    assertThat(first.get("title").asText()).isEqualTo("[Kho] Test agency: 2 failed, 1 overdue");
    assertThat(first.get("events")).extracting(e -> e.get("kind").asText() + " " + e.get("subject").asText())
        .containsExactly("failed item1", "failed item2", "overdue item3");
    assertThat(posts.get(1).get("events")).extracting(e -> e.get("kind").asText() + " " + e.get("subject").asText())
        .containsExactly("repaired item1");
    MimeMessage message = mail.getReceivedMessages()[0];
    assertThat(message.getSubject()).isEqualTo("[Kho] Test agency: 2 failed, 1 overdue");
    assertThat(message.getAllRecipients()[0]).hasToString("it@example.gov.vn");
    assertThat((String) message.getContent()).contains("backup item1: target disk is not mounted");
  }

  @Test
  void starttlsIsRequiredWhenAsked() throws Exception {
    Catalogue catalogue = catalogue("starttls");
    NotificationService.Digest digest = new NotificationService.Digest("Test agency", "n", List.of(
        new NotificationService.Event(NotificationService.Kind.FAILED, "backup", "item1", Instant.now(), "x")), 0);
    List<String> failures = new NotificationService(Map.of()).send(catalogue.notifications(), digest);
    assertThat(failures).singleElement().asString().startsWith("email via 127.0.0.1").containsIgnoringCase("STARTTLS");
    assertThat(mail.getReceivedMessages()).isEmpty();
  }
}
