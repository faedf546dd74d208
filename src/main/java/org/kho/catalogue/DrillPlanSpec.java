package org.kho.catalogue;

import java.util.List;
import java.util.Map;

/** The shape of one {@code restore-drills/NAME.yaml} as written; the file name is the plan's id. */
record DrillPlanSpec(String description, List<String> items, String schedule, String snapshot,
    SampleSpec sample, String scratch, List<StepSpec> verify, String rto, String rpo, List<String> targets,
    String targetMode) {

  record SampleSpec(Integer percent, List<String> always) {}

  /** A verification step: a command ({@code command} or {@code shell}), or a {@code postgres} check. */
  record StepSpec(String name, List<String> command, String shell, PostgresSpec postgres, String timeout,
      Map<String, Object> env) {
    CatalogueSpec.CommandSpec asCommand() {
      return new CatalogueSpec.CommandSpec(name, command, shell, timeout, env);
    }
  }

  /** A dump restored into a throw-away database and queried; see {@link VerifyStep.Postgres}. */
  record PostgresSpec(String dump, String query, Long atLeast, String bin) {}
}
