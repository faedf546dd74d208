package org.kho.catalogue;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.util.List;
import java.util.Map;

/**
 * The shape of {@code catalogue.yaml} as written, bound by Jackson: every field may be missing
 * or wrong. the {@code *Rules} classes turn it into the checked {@link Catalogue}. Keep these
 * records and {@code schema/catalogue.schema.json} in step (a test compares them).
 */
record CatalogueSpec(Integer version, AgencySpec agency, List<TargetSpec> targets, List<ItemSpec> items,
    List<LogSpec> logs, DisposalSpec disposal, SecretSpec signingKey, NotificationsSpec notifications) {

  record AgencySpec(String name, String unit, String contact) {}

  record NotificationsSpec(EmailSpec email, WebhookSpec webhook, String digest) {}

  record EmailSpec(String host, Integer port, String security, String user, SecretSpec password, String from,
      List<String> to) {}

  record WebhookSpec(String url) {}

  record TargetSpec(String id, String description, String path, String url, String media, String user,
      SecretSpec password, SecretSpec privateKey, String knownHosts, String trustedCertificates, String bandwidth,
      Integer connections, SecretSpec repositoryPassword, MaintenanceSpec check, MaintenanceSpec prune) {}

  record MaintenanceSpec(String schedule, String readData) {}

  /**
   * A reference to a secret. A plain text value where a reference belongs is an inline secret:
   * only that fact is kept, never the value.
   */
  record SecretSpec(String file, String env, String systemd, boolean inline) {
    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    SecretSpec(@com.fasterxml.jackson.annotation.JsonProperty("file") String file,
        @com.fasterxml.jackson.annotation.JsonProperty("env") String env,
        @com.fasterxml.jackson.annotation.JsonProperty("systemd") String systemd) {
      this(file, env, systemd, false);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static SecretSpec inlineValue(String ignored) {
      return new SecretSpec(null, null, null, true);
    }
  }

  record ItemSpec(String id, String name, String description, String owner, Integer securityLevel,
      List<SourceSpec> sources, HooksSpec hooks, List<String> targets, String schedule,
      RetentionSpec retention, String method, String drill, String rto, String rpo,
      Map<String, String> waivers, String allowSameDevice) {}

  record SourceSpec(String path, List<String> include, List<String> exclude, List<String> command,
      String shell, String name, String timeout, Map<String, Object> env) {}

  record HooksSpec(List<CommandSpec> pre, List<CommandSpec> post) {}

  /**
   * A command to run: a list of words, or a shell line; with a time limit and variables (each a
   * plain text or a secret reference {@code {file|env|systemd: …}}).
   */
  record CommandSpec(String name, List<String> command, String shell, String timeout, Map<String, Object> env) {}

  record RetentionSpec(Integer last, Integer hourly, Integer daily, Integer weekly, Integer monthly,
      Integer yearly, String within, List<String> tags) {}

  record LogSpec(String id, String name, Integer securityLevel, List<String> paths, List<String> exclude,
      MonthSpec month, Integer keepMonths, List<String> targets, String schedule, Boolean deleteOriginals,
      Map<String, String> waivers, String allowSameDevice) {}

  record MonthSpec(String from, String regex, String format) {}

  record DisposalSpec(String method, String verify, Boolean requireWitness, List<String> languages) {}
}
