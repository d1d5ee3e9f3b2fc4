package ru.ccbilling.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One priced line of a call, inserted by the rules; immutable, so a rule can only add lines, never change them. Time-billed lines cost billedSeconds x rate / 60,
 * fees cost the rate once; a line that is not charged costs 0.00 but stays visible with its reason.
 * The amount is rounded to kopecks, half up, once per line.
 */
public final class Line {
    public static final int CALL_LEVEL = -1;
    /** the participant of a line that prices no conference participant */
    public static final int NO_PARTICIPANT = -1;

    public enum Unit { TIME, CALL }

    private final String component;
    private final int stage;
    private final int billedSeconds;
    private final Unit unit;
    private final Rate rate;
    private final boolean charged;
    private final String note;
    private final int participant;

    private Line(String component, int stage, int billedSeconds, Unit unit, Rate rate, boolean charged, String note) {
        this(component, stage, NO_PARTICIPANT, billedSeconds, unit, rate, charged, note);
    }

    private Line(String component, int stage, int participant, int billedSeconds, Unit unit, Rate rate, boolean charged,
                 String note) {
        this.component = component;
        this.stage = stage;
        this.participant = participant;
        this.billedSeconds = billedSeconds;
        this.unit = unit;
        this.rate = rate;
        this.charged = charged;
        this.note = note;
    }

    public static Line perMinute(String component, int billedSeconds, Rate rate, String note) {
        return new Line(component, CALL_LEVEL, billedSeconds, Unit.TIME, rate, true, note);
    }

    public static Line free(String component, Rate rate, String note) {
        return new Line(component, CALL_LEVEL, 0, Unit.TIME, rate, false, note);
    }

    public static Line perCall(String component, Rate rate, String note) {
        return new Line(component, CALL_LEVEL, 0, Unit.CALL, rate, true, note);
    }

    public static Line stagePerMinute(String component, int stage, int billedSeconds, Rate rate, String note) {
        return new Line(component, stage, billedSeconds, Unit.TIME, rate, true, note);
    }

    public static Line perSecond(String component, int stage, int seconds, Rate rate, String note) {
        return new Line(component, stage, seconds, Unit.TIME, rate, true, note);
    }

    public static Line stagePerCall(String component, int stage, Rate rate, String note) {
        return new Line(component, stage, 0, Unit.CALL, rate, true, note);
    }

    public static Line freeStage(String component, int stage, int billedSeconds, Rate rate, String note) {
        return new Line(component, stage, billedSeconds, Unit.TIME, rate, false, note);
    }

    /** a stage that is billed like any other but included in the subscription, e.g. a dedicated operator's work */
    public static Line includedStage(String component, int stage, int billedSeconds, Rate rate, String note) {
        return new Line(component, stage, billedSeconds, Unit.TIME, rate, false, note);
    }

    /** a conference participant's line billed by time, e.g. its port minutes or its dialled-out leg */
    public static Line participantPerMinute(String component, int participant, int billedSeconds, Rate rate,
                                            String note) {
        return new Line(component, CALL_LEVEL, participant, billedSeconds, Unit.TIME, rate, true, note);
    }

    /** a conference participant's line that is not charged (0.00), with its reason */
    public static Line freeParticipant(String component, int participant, int billedSeconds, Rate rate, String note) {
        return new Line(component, CALL_LEVEL, participant, billedSeconds, Unit.TIME, rate, false, note);
    }

    public BigDecimal amount() {
        if (!charged) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal raw = unit == Unit.CALL
                ? rate.getValue()
                : rate.getValue().multiply(BigDecimal.valueOf(billedSeconds)).divide(SIXTY, 2, RoundingMode.HALF_UP);
        return raw.setScale(2, RoundingMode.HALF_UP);
    }

    private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

    public String getComponent() { return component; }
    public int getStage() { return stage; }
    /** the conference participant (0-based) this line prices, or {@link #NO_PARTICIPANT} */
    public int getParticipant() { return participant; }
    public int getBilledSeconds() { return billedSeconds; }
    public Unit getUnit() { return unit; }
    public Rate getRate() { return rate; }
    public boolean isCharged() { return charged; }
    public String getNote() { return note; }
}
