package ru.ccbilling.rules;

import java.util.List;

/**
 * A call classified and resolved by the rating engine, ready to be priced by a tariff:
 * origin and time band for the NETWORK minute, destination class and trunk for outbound legs,
 * and per stage the operator's site and whether the operator is dedicated to the account.
 * <p>
 * The services of section 7 of the tariff sheet add: the participants of a CONFERENCE (which has no stages), and
 * whether a SURVEY's questionnaire was completed. A VIRTUAL_OFFICE call forwarded out carries the destination class
 * and trunk of its {@code forwardedTo} in {@code destinationClass} and {@code trunk}, as a FORWARD call does; without
 * a forward leg both are null. SURVEY and INFORMING carry those of {@code called}, as OUTBOUND does.
 */
public record CallToPrice(String callType, String origin, String timeBand, String destinationClass, String trunk,
                          List<StageToPrice> stages, List<ParticipantToPrice> participants, boolean surveyCompleted) {

    /** the most participants a conference may have (tariff sheet 7.2); it bounds the lines and rule firings of a call */
    public static final int MAX_PARTICIPANTS = 50;

    public record StageToPrice(String type, int durationSec, String operatorId, String site, boolean dedicated) { }

    /**
     * One participant of a conference, in the order the CDR gives them: DIAL_IN or DIAL_OUT, its own duration, and for
     * DIAL_OUT the destination class of its number and its trunk (null for DIAL_IN: a dial-in leg is not priced).
     */
    public record ParticipantToPrice(String direction, int durationSec, String destinationClass, String trunk) { }

    public CallToPrice {
        stages = List.copyOf(stages);
        participants = participants == null ? List.of() : List.copyOf(participants);
        if (participants.size() > MAX_PARTICIPANTS) {
            throw new IllegalArgumentException("a conference has at most " + MAX_PARTICIPANTS + " participants, not "
                    + participants.size());
        }
    }

    /** a call of section 2 (INBOUND_800, OUTBOUND, FORWARD): no participants, no survey */
    public CallToPrice(String callType, String origin, String timeBand, String destinationClass, String trunk,
                       List<StageToPrice> stages) {
        this(callType, origin, timeBand, destinationClass, trunk, stages, List.of(), false);
    }

    /** a VIRTUAL_OFFICE call; {@code forwardClass} and {@code forwardTrunk} are null unless it was forwarded out */
    public static CallToPrice virtualOffice(String timeBand, String forwardClass, String forwardTrunk,
                                            List<StageToPrice> stages) {
        return new CallToPrice("VIRTUAL_OFFICE", null, timeBand, forwardClass, forwardTrunk, stages);
    }

    /** a CONFERENCE: no stages, one to {@value #MAX_PARTICIPANTS} participants */
    public static CallToPrice conference(String timeBand, List<ParticipantToPrice> participants) {
        return new CallToPrice("CONFERENCE", null, timeBand, null, null, List.of(), participants, false);
    }

    /** a SURVEY call to {@code called} of the given destination class over the trunk */
    public static CallToPrice survey(String timeBand, String destinationClass, String trunk, boolean surveyCompleted,
                                     List<StageToPrice> stages) {
        return new CallToPrice("SURVEY", null, timeBand, destinationClass, trunk, stages, List.of(), surveyCompleted);
    }

    /** an INFORMING call to {@code called} of the given destination class over the trunk */
    public static CallToPrice informing(String timeBand, String destinationClass, String trunk,
                                        List<StageToPrice> stages) {
        return new CallToPrice("INFORMING", null, timeBand, destinationClass, trunk, stages);
    }

    /** the call's duration D, the sum of its stages; a CONFERENCE has none, each participant has its own */
    public int durationSec() {
        int total = 0;
        for (StageToPrice stage : stages) {
            total += stage.durationSec();
        }
        return total;
    }
}
