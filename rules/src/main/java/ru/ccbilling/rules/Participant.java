package ru.ccbilling.rules;

/**
 * One participant of a conference as the rules see it: its position in the CDR, DIAL_IN or DIAL_OUT, its duration,
 * and for DIAL_OUT the route of its leg ("destination class/trunk"), the key of its CONFERENCE_LEG rate.
 */
public final class Participant {
    private final int index;
    private final String direction;
    private final int durationSec;
    private final String route;

    public Participant(int index, String direction, int durationSec, String route) {
        this.index = index;
        this.direction = direction;
        this.durationSec = durationSec;
        this.route = route;
    }

    /** the key of a leg's rate: destination class and trunk, e.g. "BELARUS/TRUNK-B" */
    static String route(String destinationClass, String trunk) {
        return destinationClass == null ? null : destinationClass + "/" + trunk;
    }

    public int getIndex() { return index; }
    public String getDirection() { return direction; }
    public int getDurationSec() { return durationSec; }
    public String getRoute() { return route; }
}
