package org.kho.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogSetupTest {
  @Test
  void warningsAndAboveGoToStandardErrorOnOneLineEach() {
    LoggerContext context = new LoggerContext();
    LogSetup.apply(context);

    ch.qos.logback.classic.Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    assertThat(root.getLevel()).isEqualTo(Level.WARN);
    ConsoleAppender<ILoggingEvent> stderr = (ConsoleAppender<ILoggingEvent>) root.getAppender("STDERR");
    assertThat(stderr.isStarted()).isTrue();
    assertThat(stderr.getTarget()).isEqualTo("System.err");
    LoggingEvent event = new LoggingEvent("test", context.getLogger("org.kho.storage.RetryingStorage"), Level.WARN,
        "upload failed, trying again", null, null);
    assertThat(new String(stderr.getEncoder().encode(event), StandardCharsets.UTF_8))
        .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  RetryingStorage: upload failed, trying again\\R");
  }

  @Test
  void chattyLibrariesAreQuieterThanKhosOwnDebugOutput() {
    LoggerContext context = new LoggerContext();
    LogSetup.apply(context);
    context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.DEBUG); // kho -vv

    assertThat(context.getLogger("org.kho.daemon.Daemon").isDebugEnabled()).isTrue();
    assertThat(context.getLogger("org.apache.commons.vfs2.provider.sftp.SftpFileSystem").isInfoEnabled()).isFalse();
    assertThat(context.getLogger("org.apache.pdfbox.pdmodel.font.PDType1Font").isWarnEnabled()).isFalse();
  }

  @Test
  void aLogbackTestXmlOnTheClassPathConfiguresLogbackInstead() {
    LoggerContext context = new LoggerContext();

    assertThat(new LogSetup().configure(context)).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
    assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
  }
}
