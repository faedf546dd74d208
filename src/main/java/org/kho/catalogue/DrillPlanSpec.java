package org.kho.catalogue;

import java.util.List;

/** The shape of one {@code restore-drills/NAME.yaml} as written; the file name is the plan's id. */
record DrillPlanSpec(String description, List<String> items, String schedule, String snapshot,
    SampleSpec sample, String scratch, List<CatalogueSpec.CommandSpec> verify, String rto, String rpo) {

  record SampleSpec(Integer percent, List<String> always) {}
}
