package ru.ccbilling.rules;

/** The call as the rules see it: its type, its duration D and what its stages add up to. */
public final class Call {
    private final String callType;
    private final int durationSec;
    private final boolean withOperator;
    private final int ivrSeconds;

    public Call(String callType, int durationSec, boolean withOperator, int ivrSeconds) {
        this.callType = callType;
        this.durationSec = durationSec;
        this.withOperator = withOperator;
        this.ivrSeconds = ivrSeconds;
    }

    public String getCallType() { return callType; }
    public int getDurationSec() { return durationSec; }
    /** the call has at least one OPERATOR stage */
    public boolean isWithOperator() { return withOperator; }
    /** the seconds of all IVR stages together */
    public int getIvrSeconds() { return ivrSeconds; }
}
