package ru.ccbilling.rules;

/** One stage of a call as the rules see it, with the operator's site and whether the operator is dedicated. */
public final class Stage {
    private final int index;
    private final String type;
    private final int durationSec;
    private final String operatorId;
    private final String site;
    private final boolean dedicated;

    public Stage(int index, String type, int durationSec, String operatorId, String site, boolean dedicated) {
        this.index = index;
        this.type = type;
        this.durationSec = durationSec;
        this.operatorId = operatorId;
        this.site = site;
        this.dedicated = dedicated;
    }

    public int getIndex() { return index; }
    public String getType() { return type; }
    public int getDurationSec() { return durationSec; }
    public String getOperatorId() { return operatorId; }
    public String getSite() { return site; }
    public boolean isDedicated() { return dedicated; }
}
