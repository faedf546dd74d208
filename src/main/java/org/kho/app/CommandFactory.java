package org.kho.app;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.kho.catalogue.CommandLine;
import org.kho.command.ExternalCommand;

/** Turns a catalogue {@link CommandLine} into an {@link ExternalCommand}, reading its secrets as it starts. */
final class CommandFactory {
  private final Secrets secrets;

  CommandFactory(Secrets secrets) {
    this.secrets = secrets;
  }

  ExternalCommand of(CommandLine line) {
    Map<String, String> env = new HashMap<>();
    Set<String> secret = new HashSet<>();
    line.env().forEach((name, value) -> {
      switch (value) {
        case CommandLine.EnvValue.Plain p -> env.put(name, p.value());
        case CommandLine.EnvValue.Secret s -> {
          env.put(name, secrets.read(s.ref()));
          secret.add(name);
        }
      }
    });
    return new ExternalCommand(line.name(), line.argv(), env, secret, line.timeout());
  }
}
