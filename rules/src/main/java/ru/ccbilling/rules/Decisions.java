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

    private Decisions() { }
}
