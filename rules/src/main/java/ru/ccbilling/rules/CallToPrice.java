package ru.ccbilling.rules;

import java.util.List;

/**
 * A call classified and resolved by the rating engine, ready to be priced by a tariff:
 * origin and time band for the NETWORK minute, destination class and trunk for outbound legs,
 * and per stage the operator's site and whether the operator is dedicated to the account.
 */
public record CallToPrice(String callType, String origin, String timeBand, String destinationClass, String trunk,
                          List<StageToPrice> stages) {

    public record StageToPrice(String type, int durationSec, String operatorId, String site, boolean dedicated) { }

    public CallToPrice {
        stages = List.copyOf(stages);
    }

    public int durationSec() {
        int total = 0;
        for (StageToPrice stage : stages) {
            total += stage.durationSec();
        }
        return total;
    }
}
