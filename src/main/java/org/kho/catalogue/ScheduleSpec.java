package org.kho.catalogue;

/** The shape of one {@code schedules/NAME.yaml} as written; the file name is the schedule's id. */
record ScheduleSpec(String description, String when, String cron, String timeZone, String missedRuns) {}
