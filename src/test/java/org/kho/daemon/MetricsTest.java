package org.kho.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.kho.state.Run;

class MetricsTest {
  @Test
  void aScrapeShowsLastSuccessDurationsBytesAndFailuresPerItem() throws Exception {
    Instant start = Instant.parse("2026-11-21T01:00:00Z");
    try (Metrics metrics = Metrics.serve(0)) {
      metrics.finished(new Run(1, "backup", "documents", Run.Cause.SCHEDULED, Optional.of(start), start,
          Optional.of(start.plusSeconds(90)), Run.Outcome.SUCCEEDED, "n", new Run.Figures(3, 5000, 1200), "", ""));
      metrics.finished(new Run(2, "backup", "documents", Run.Cause.SCHEDULED, Optional.of(start), start,
          Optional.of(start.plusSeconds(5)), Run.Outcome.FAILED, "n", Run.Figures.NONE, "", "boom"));
      String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + metrics.port() + "/metrics")).build(),
          HttpResponse.BodyHandlers.ofString()).body();
      assertThat(text).contains(
          "kho_last_success_timestamp_seconds{action=\"backup\",subject=\"documents\"} " + (double) start.getEpochSecond(),
          "kho_run_failures_total{action=\"backup\",subject=\"documents\"} 1.0",
          "kho_run_read_bytes_total{action=\"backup\",subject=\"documents\"} 5000.0",
          "kho_run_added_bytes_total{action=\"backup\",subject=\"documents\"} 1200.0",
          "kho_run_duration_seconds_sum{action=\"backup\",outcome=\"succeeded\",subject=\"documents\"} 90.0");
    }
  }
}
