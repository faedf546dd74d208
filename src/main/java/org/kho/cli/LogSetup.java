package org.kho.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import ch.qos.logback.core.status.NopStatusListener;
import java.util.Map;

/**
 * Kho's logging set-up, written in code (logback finds it through {@code META-INF/services}): to
 * standard error, quiet by default ({@link Verbosity}: -v for INFO, -vv for DEBUG); under systemd,
 * journald picks it up. Logback's XML configuration costs a run that logs (VFS sets logging up
 * on every SFTP run) about 300 classes (an XML parser, Joran) and a few tenths of a CPU second;
 * this costs neither. A {@code -Dlogback.configurationFile=FILE} or a {@code logback-test.xml}
 * on the class path (the tests') still configures logback the usual way.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class LogSetup extends ContextAwareBase implements Configurator {
  static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n";
  /** Libraries that say too much at INFO or WARN for a command-line tool. */
  static final Map<String, Level> QUIETER = Map.of(
      "org.quartz", Level.WARN, "com.zaxxer.hikari", Level.WARN, "org.flywaydb", Level.WARN, "org.h2", Level.WARN,
      "org.apache.sshd", Level.WARN, "org.apache.commons.vfs2", Level.WARN,
      // PDF reports: PDFBox warns about base-14 fonts it maps to system fonts; Kho embeds its own
      "org.apache.pdfbox", Level.ERROR);

  /** For logback's service loader. */
  public LogSetup() {}

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    if (System.getProperty(ContextInitializer.CONFIG_FILE_PROPERTY) != null
        || LogSetup.class.getClassLoader().getResource(ContextInitializer.TEST_AUTOCONFIG_FILE) != null) {
      return ExecutionStatus.INVOKE_NEXT_IF_ANY;
    }
    apply(context);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }

  /** Sets {@code context} up as Kho logs: WARN and above to standard error, {@link #QUIETER} libraries quieter. */
  static void apply(LoggerContext context) {
    context.getStatusManager().add(new NopStatusListener());
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
    stderr.setContext(context);
    stderr.setName("STDERR");
    stderr.setTarget("System.err");
    stderr.setEncoder(encoder);
    stderr.start();
    QUIETER.forEach((name, level) -> context.getLogger(name).setLevel(level));
    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.WARN);
    root.addAppender(stderr);
  }
}
