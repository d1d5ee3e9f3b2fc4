package ru.ccbilling.rules;

/** Names of the decisions (decision tables) a tariff must define, in the tariff's vocabulary. */
public final class Decisions {
    public static final String NETWORK_MINUTE = "NetworkMinute";
    public static final String OPERATOR_MINUTE = "OperatorMinute";
    public static final String IVR_MINUTE = "IvrMinute";
    public static final String POST_PROCESSING_FEE = "PostProcessingFee";
    public static final String OUTBOUND_MINUTE = "OutboundMinute";
    public static final String MARKING_FEE = "MarkingFee";
    public static final String ONE_TIME_SERVICE = "OneTimeService";
    public static final String MONTHLY_FEE = "MonthlyFee";
    public static final String VOLUME_COEFFICIENT = "VolumeCoefficient";

    // the call centre's other services, tariff sheet section 7.3
    public static final String VIRTUAL_OFFICE_MINUTE = "VirtualOfficeMinute";
    public static final String CONFERENCE_PORT_MINUTE = "ConferencePortMinute";
    public static final String SURVEY_COMPLETED_FEE = "SurveyCompletedFee";
    public static final String INFORMING_ATTEMPT_FEE = "InformingAttemptFee";
    /** units included in a monthly fee, by the MonthlyFee row billed for each unit beyond them */
    public static final String INCLUDED_QUANTITY = "IncludedQuantity";

    private Decisions() { }
}
