package org.kho.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.kho.state.Run;

/**
 * Prometheus metrics of the daemon's runs, served on {@code http://127.0.0.1:PORT/metrics}:
 * {@code kho_last_success_timestamp_seconds}, {@code kho_run_duration_seconds},
 * {@code kho_run_read_bytes_total}, {@code kho_run_added_bytes_total} and
 * {@code kho_run_failures_total}, each labelled by action and subject.
 */
final class Metrics implements RunListener, AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<Tags, AtomicLong> lastSuccess = new ConcurrentHashMap<>();
  private final HttpServer server;

  private Metrics(HttpServer server) {
    this.server = server;
  }

  /** Serves the metrics on 127.0.0.1:{@code port} (0 for any free port). */
  static Metrics serve(int port) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
    Metrics metrics = new Metrics(server);
    server.createContext("/metrics", metrics::scrape);
    server.setExecutor(null);
    server.start();
    return metrics;
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void finished(Run run) {
    Tags tags = Tags.of("action", run.action(), "subject", run.subject());
    Duration took = Duration.between(run.startedAt(), run.finishedAt().orElse(run.startedAt()));
    Timer.builder("kho.run.duration").description("How long runs took").tags(tags)
        .tag("outcome", run.outcome().label()).register(registry).record(took);
    Counter.builder("kho.run.read").baseUnit("bytes").description("Bytes read by runs").tags(tags)
        .register(registry).increment(run.figures().bytes());
    Counter.builder("kho.run.added").baseUnit("bytes").description("Bytes newly stored by runs").tags(tags)
        .register(registry).increment(run.figures().bytesAdded());
    Counter failures = Counter.builder("kho.run.failures").description("Runs that failed or were interrupted")
        .tags(tags).register(registry);
    if (run.outcome() == Run.Outcome.FAILED || run.outcome() == Run.Outcome.INTERRUPTED) {
      failures.increment();
    }
    if (run.outcome() == Run.Outcome.SUCCEEDED || run.outcome() == Run.Outcome.INCOMPLETE) {
      lastSuccess.computeIfAbsent(tags, t -> {
        AtomicLong holder = new AtomicLong();
        Gauge.builder("kho.last.success.timestamp", holder, AtomicLong::get).baseUnit("seconds")
            .description("When the last successful run started (Unix time)").tags(t).register(registry);
        return holder;
      }).set(run.startedAt().getEpochSecond());
    }
  }

  private void scrape(HttpExchange exchange) throws IOException {
    byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    registry.close();
  }
}
