package ru.ccbilling.period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

import ru.ccbilling.document.Statement;
import ru.ccbilling.money.Money;

/** How a ledger entry of a closed month is printed: its service group, name, unit (OKEI), quantity and price. */
final class StatementLines {

    private StatementLines() { }

    static Statement.Line line(String kind, String service, String component, String reference, BigDecimal quantity,
                               String unit, BigDecimal rate, Money net, String reason, YearMonth month) {
        return switch (kind) {
            case "MONTHLY_FEE" -> {
                BigDecimal months = quantity == null ? BigDecimal.ONE
                        : quantity.divide(BigDecimal.valueOf(month.lengthOfMonth()), 3, RoundingMode.HALF_UP);
                yield new Statement.Line(Statement.Service.MONTHLY_FEE, name(service, component, reference, null),
                        "362", "мес", months, rate == null ? net.amount() : rate, net);
            }
            case "VOLUME_DISCOUNT" -> new Statement.Line(Statement.Service.VOLUME_DISCOUNT,
                    "Скидка за объём сетевых минут" + (rate == null ? "" : " (коэффициент " + rate.stripTrailingZeros().toPlainString() + ")"),
                    "796", "шт", BigDecimal.ONE, net.amount(), net);
            case "ONE_TIME_CHARGE", "DEDUCTION" -> new Statement.Line(Statement.Service.ONE_TIME,
                    reason == null ? ("DEDUCTION".equals(kind) ? "Разовый вычет" : "Разовое начисление") : reason,
                    "796", "шт", BigDecimal.ONE, net.amount(), net);
            default -> usage(service, component, quantity, unit, net);
        };
    }

    private static Statement.Line usage(String service, String component, BigDecimal quantity, String unit, Money net) {
        boolean timed = "SEC".equals(unit);
        BigDecimal units = quantity == null ? BigDecimal.ONE
                : timed ? ClosedMonthStatements.minutes(quantity) : quantity;
        BigDecimal price = units.signum() == 0 ? net.amount()
                : net.amount().divide(units, 2, RoundingMode.HALF_UP);
        return new Statement.Line(group(component), name(service, component, null, null),
                timed ? "355" : "796", timed ? "мин" : "шт", units, price, net);
    }

    private static Statement.Service group(String component) {
        return switch (component == null ? "" : component) {
            case "NETWORK" -> Statement.Service.NETWORK_MINUTES;
            case "OPERATOR" -> Statement.Service.OPERATOR_MINUTES;
            case "IVR" -> Statement.Service.IVR;
            case "POST" -> Statement.Service.POST_PROCESSING;
            case "SMS", "EMAIL", "FAX" -> Statement.Service.ONE_TIME;
            default -> Statement.Service.OUTBOUND;
        };
    }

    /** the printed name of a service line, in Russian */
    static String name(String service, String component, String reference, String fallback) {
        String c = component == null ? "" : component;
        String name = switch (c) {
            case "NETWORK" -> "FORWARD".equals(service) ? "Переадресованные вызовы на номера 8-800: сетевые минуты"
                    : "Входящие вызовы на номера 8-800: сетевые минуты";
            case "OPERATOR" -> "Работа операторов";
            case "IVR" -> "Голосовое меню (IVR)";
            case "POST" -> "Постобработка вызовов";
            case "OUTBOUND" -> "Исходящие вызовы";
            case "FORWARD_LEG" -> "Переадресация вызовов на внешние номера";
            case "MARKING_FEE" -> "Маркировка исходящих вызовов";
            case "SMS" -> "SMS-сообщения";
            case "EMAIL" -> "Сообщения электронной почты";
            case "FAX" -> "Факсимильные сообщения, страницы";
            case "NUMBER_RENTAL" -> "Аренда номера 8-800";
            case "DEDICATED_SEAT" -> "Выделенное рабочее место оператора";
            default -> fallback == null ? c : fallback;
        };
        return reference == null ? name : name + " " + reference;
    }
}
