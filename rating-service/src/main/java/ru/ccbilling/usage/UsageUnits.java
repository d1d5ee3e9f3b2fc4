package ru.ccbilling.usage;

/**
 * In which unit the usage of a component is counted: billed seconds, charged calls, messages or pages. The services
 * of tariff sheet 7: VO_MINUTE, CONFERENCE_PORT (participant seconds) and CONFERENCE_LEG in seconds; the completed
 * survey and informing attempt fees per call charged.
 */
final class UsageUnits {

    private UsageUnits() { }

    static String unit(String component) {
        return switch (component) {
            case "POST", "MARKING_FEE", "SURVEY_COMPLETED", "INFORMING_ATTEMPT" -> "CALL";
            case "SMS", "EMAIL" -> "MESSAGE";
            case "FAX" -> "PAGE";
            default -> "SEC";
        };
    }

    /** per-call components count the calls they charged; timed ones their billed seconds */
    static long quantity(String component, long billedSeconds, long chargedLines) {
        return "CALL".equals(unit(component)) ? chargedLines : billedSeconds;
    }
}
