package ru.ccbilling.benchmarks;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Set;

import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.RatingReference;
import ru.ccbilling.rating.TimeBands;

/**
 * The total of a call as sections 3 to 5 of the tariff sheet compute it, written independently of the DMN tables
 * and DRL rules, to check that the benchmark measures correct work. Only for CDRs the engine rates.
 */
final class TariffSheet {

    private static final Map<String, BigDecimal[]> NETWORK = Map.of( // PEAK, OFF_PEAK
            "LOCAL", rates("1.20", "0.90"), "INTERCITY", rates("2.10", "1.60"), "MOBILE", rates("2.90", "2.40"));
    private static final Map<String, BigDecimal> OPERATOR = Map.of(
            "MSK", new BigDecimal("18.00"), "NSK", new BigDecimal("12.00"), "REMOTE", new BigDecimal("9.00"));
    private static final Map<String, BigDecimal[]> OUTBOUND = Map.of( // TRUNK-A, TRUNK-B
            "MOSCOW_FIXED", rates("0.80", "0.95"), "RU_MOBILE", rates("1.90", "1.70"),
            "RU_INTERCITY", rates("1.50", "1.50"), "BELARUS", rates("12.00", "11.00"),
            "NORTH_AMERICA", rates("6.00", "6.50"));
    private static final BigDecimal IVR = new BigDecimal("0.60");
    private static final BigDecimal POST = new BigDecimal("5.00");
    private static final BigDecimal MARKING = new BigDecimal("0.48");
    private static final Set<String> DEDICATED_TO_ACC_1001 = Set.of("OP-101", "OP-201");

    private TariffSheet() { }

    static BigDecimal total(Cdr cdr, RatingReference ref) {
        String account = cdr.callType() == Cdr.CallType.OUTBOUND ? cdr.accountCode()
                : ref.numberHolders().get(cdr.called());
        int d = cdr.durationSec();
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        if (cdr.callType() != Cdr.CallType.OUTBOUND) {
            String origin = cdr.caller().startsWith("79") ? "MOBILE"
                    : cdr.caller().startsWith("7495") || cdr.caller().startsWith("7499") ? "LOCAL" : "INTERCITY";
            BigDecimal rate = NETWORK.get(origin)[peak(cdr, ref) ? 0 : 1];
            total = total.add(d <= 3 ? BigDecimal.ZERO : perMinute(((d + 59) / 60) * 60, rate));
        }
        if (cdr.callType() != Cdr.CallType.INBOUND_800) {
            String number = cdr.callType() == Cdr.CallType.OUTBOUND ? cdr.called() : cdr.forwardedTo();
            String cls = ref.destinations().classify(number).orElseThrow();
            BigDecimal rate = OUTBOUND.get(cls)[cdr.trunk().equals("TRUNK-A") ? 0 : 1];
            int billed = d == 0 ? 0 : d <= 30 ? 30 : 30 + ((d - 30 + 5) / 6) * 6;
            total = total.add(perMinute(billed, rate));
            if (cdr.callType() == Cdr.CallType.OUTBOUND && cls.equals("RU_MOBILE")) {
                total = total.add(MARKING);
            }
        }
        boolean withOperator = cdr.stages().stream().anyMatch(s -> s.type() == Cdr.StageType.OPERATOR);
        int ivrSeconds = cdr.stages().stream().filter(s -> s.type() == Cdr.StageType.IVR)
                .mapToInt(Cdr.Stage::durationSec).sum();
        boolean firstOperator = true;
        boolean postBilled = false;
        for (Cdr.Stage stage : cdr.stages()) {
            switch (stage.type()) {
                case IVR -> {
                    boolean abandoned = cdr.callType() != Cdr.CallType.OUTBOUND && !withOperator && ivrSeconds < 10;
                    if (!abandoned) {
                        total = total.add(perMinute(stage.durationSec(), withOperator ? IVR.divide(BigDecimal.valueOf(2)) : IVR));
                    }
                }
                case OPERATOR -> {
                    BigDecimal rate = OPERATOR.get(ref.operatorSites().get(stage.operatorId()));
                    int billed = firstOperator ? ((stage.durationSec() + 59) / 60) * 60 : stage.durationSec();
                    firstOperator = false;
                    boolean dedicated = account.equals("ACC-1001") && DEDICATED_TO_ACC_1001.contains(stage.operatorId());
                    if (!dedicated) {
                        total = total.add(perMinute(billed, rate));
                    }
                }
                case POST -> {
                    if (stage.durationSec() > 0 && !postBilled) {
                        total = total.add(POST);
                        postBilled = true;
                    }
                }
            }
        }
        return total;
    }

    private static boolean peak(Cdr cdr, RatingReference ref) {
        LocalDateTime local = cdr.startTime().atZoneSameInstant(TimeBands.MOSCOW).toLocalDateTime();
        DayOfWeek day = local.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !ref.holidays().contains(local.toLocalDate())
                && local.getHour() >= 8 && local.getHour() < 20;
    }

    private static BigDecimal perMinute(int seconds, BigDecimal rate) {
        return rate.multiply(BigDecimal.valueOf(seconds)).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    private static BigDecimal[] rates(String first, String second) {
        return new BigDecimal[] {new BigDecimal(first), new BigDecimal(second)};
    }
}
