package org.kho.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CronRuleTest {
  private static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
  private static final Instant NOW = Instant.parse("2026-11-21T05:00:00Z"); // 12:00 in Hanoi

  private static List<ZonedDateTime> next(String quartz, ZoneId zone, int n) {
    CronRule rule = CronRule.quartz(quartz, zone);
    List<ZonedDateTime> times = new ArrayList<>();
    Instant t = NOW;
    for (int i = 0; i < n; i++) {
      ZonedDateTime z = rule.nextAfter(t).orElseThrow();
      times.add(z);
      t = z.toInstant();
    }
    return times;
  }

  @Test
  void dailyReadableFormRunsEveryDayAtThatLocalTime() {
    List<ZonedDateTime> times = next(ReadableSchedule.toQuartz("daily at 22:00"), HANOI, 3);
    assertThat(times).extracting(Object::toString).containsExactly(
        "2026-11-21T22:00+07:00[Asia/Ho_Chi_Minh]", "2026-11-22T22:00+07:00[Asia/Ho_Chi_Minh]",
        "2026-11-23T22:00+07:00[Asia/Ho_Chi_Minh]");
  }

  @Test
  void monthlyOnDayOneRunsOnTheFirst() {
    List<ZonedDateTime> times = next(ReadableSchedule.toQuartz("Monthly on day 1 at 01:30"), HANOI, 3);
    assertThat(times).extracting(z -> z.toLocalDateTime().toString())
        .containsExactly("2026-12-01T01:30", "2027-01-01T01:30", "2027-02-01T01:30");
  }

  @Test
  void lastDayAndNthWeekdayFormsFollowTheCalendar() {
    assertThat(next(ReadableSchedule.toQuartz("monthly on the last day at 23:00"), HANOI, 3))
        .extracting(z -> z.toLocalDate().toString()).containsExactly("2026-11-30", "2026-12-31", "2027-01-31");
    assertThat(next(ReadableSchedule.toQuartz("monthly on the first sunday at 03:00"), HANOI, 2))
        .extracting(z -> z.toLocalDate().toString()).containsExactly("2026-12-06", "2027-01-03");
    assertThat(next(ReadableSchedule.toQuartz("weekly on monday and thursday at 02:00"), HANOI, 3))
        .extracting(z -> z.toLocalDate().toString()).containsExactly("2026-11-23", "2026-11-26", "2026-11-30");
    assertThat(next(ReadableSchedule.toQuartz("quarterly on day 5 at 08:00"), HANOI, 2))
        .extracting(z -> z.toLocalDate().toString()).containsExactly("2027-01-05", "2027-04-05");
    assertThat(next(ReadableSchedule.toQuartz("yearly on Jan 15 at 05:00"), HANOI, 1))
        .extracting(z -> z.toLocalDate().toString()).containsExactly("2027-01-15");
  }

  @Test
  void unixCronSundayIsZeroOrSeven() {
    assertThat(UnixCron.toQuartz("0 3 * * 0")).isEqualTo("0 0 3 ? * SUN");
    assertThat(UnixCron.toQuartz("0 3 * * 7")).isEqualTo("0 0 3 ? * SUN");
    assertThat(UnixCron.toQuartz("0 3 * * 1-5")).isEqualTo("0 0 3 ? * MON,TUE,WED,THU,FRI");
    assertThat(UnixCron.toQuartz("0 3 * * 5-7")).isEqualTo("0 0 3 ? * SUN,FRI,SAT");
    assertThat(UnixCron.toQuartz("15 2 1 * *")).isEqualTo("0 15 2 1 * ?");
    assertThat(UnixCron.toQuartz("@monthly")).isEqualTo("0 0 0 1 * ?");
  }

  @Test
  void unixCronWithBothDayFieldsIsRefusedRatherThanGuessed() {
    assertThatThrownBy(() -> UnixCron.toQuartz("0 3 1 * 1")).hasMessageContaining("both day-of-month and day-of-week");
    assertThatThrownBy(() -> UnixCron.toQuartz("0 3 * *")).hasMessageContaining("5 fields");
    assertThatThrownBy(() -> UnixCron.toQuartz("0 3 * * 9")).hasMessageContaining("out of range");
  }

  @Test
  void outOfRangeFieldsAreNamedWithTheirValue() {
    assertThatThrownBy(() -> UnixCron.toQuartz("61 1 * * *")).hasMessageContaining("minute 61 in '61' is out of range 0-59");
    assertThatThrownBy(() -> UnixCron.toQuartz("0 1 1 13 *")).hasMessageContaining("month 13");
    assertThatThrownBy(() -> CronRule.quartz("0 0 1 ? * FOO", HANOI)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readableFormsRejectNonsenseWithTheList() {
    assertThatThrownBy(() -> ReadableSchedule.toQuartz("dayly at 22:00")).hasMessageContaining("not a schedule");
    assertThatThrownBy(() -> ReadableSchedule.toQuartz("daily at 25:00")).hasMessageContaining("not a time of day");
    assertThatThrownBy(() -> ReadableSchedule.toQuartz("monthly on day 32 at 01:00")).hasMessageContaining("day 32");
    assertThat(ReadableSchedule.examples()).contains("daily at 22:00", "monthly on day 1 at 01:30");
  }

  @Test
  void longestGapSeesShortAndLongMonths() {
    CronRule monthly = CronRule.quartz(ReadableSchedule.toQuartz("monthly on day 1 at 01:30"), HANOI);
    assertThat(monthly.longestGap(NOW, Duration.ofDays(400), 1000)).contains(Duration.ofDays(31));
    CronRule day31 = CronRule.quartz(ReadableSchedule.toQuartz("monthly on day 31 at 01:30"), HANOI);
    assertThat(day31.longestGap(NOW, Duration.ofDays(400), 1000).orElseThrow()).isGreaterThan(Duration.ofDays(31));
  }

  @Test
  void daylightSavingTimeKeepsTheLocalWallClockTime() {
    ZoneId paris = ZoneId.of("Europe/Paris");
    CronRule rule = CronRule.quartz(ReadableSchedule.toQuartz("daily at 01:00"), paris);
    ZonedDateTime before = rule.nextAfter(Instant.parse("2027-03-27T12:00:00Z")).orElseThrow();
    ZonedDateTime after = rule.nextAfter(before.toInstant()).orElseThrow();
    assertThat(before.toLocalTime()).isEqualTo(after.toLocalTime());
    assertThat(Duration.between(before, after)).isEqualTo(Duration.ofHours(23));
  }
}
