package ru.ccbilling.rating;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * The time band of a call by its start: PEAK on Monday to Friday from 08:00:00 to 19:59:59 Moscow time
 * on a day that is not a holiday, OFF_PEAK otherwise.
 */
public final class TimeBands {

    public static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    private static final java.time.zone.ZoneRules MOSCOW_RULES = MOSCOW.getRules();
    private static final LocalTime PEAK_FROM = LocalTime.of(8, 0);
    private static final LocalTime PEAK_UNTIL = LocalTime.of(20, 0);

    private TimeBands() { }

    public static String of(OffsetDateTime start, Set<java.time.LocalDate> holidays) {
        return ofMoscowTime(moscowTime(start), holidays);
    }

    /** the Moscow wall-clock time of an instant: the zone's offset at that instant, no ZonedDateTime built */
    public static LocalDateTime moscowTime(OffsetDateTime start) {
        ZoneOffset offset = MOSCOW_RULES.getOffset(start.toInstant());
        return offset.equals(start.getOffset()) ? start.toLocalDateTime()
                : LocalDateTime.ofEpochSecond(start.toEpochSecond(), start.getNano(), offset);
    }

    /** the time band of a call that started at this Moscow time */
    public static String ofMoscowTime(LocalDateTime local, Set<java.time.LocalDate> holidays) {
        DayOfWeek day = local.getDayOfWeek();
        boolean workday = day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(local.toLocalDate());
        LocalTime time = local.toLocalTime();
        return workday && !time.isBefore(PEAK_FROM) && time.isBefore(PEAK_UNTIL) ? "PEAK" : "OFF_PEAK";
    }
}
