package ru.ccbilling.period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;

import ru.ccbilling.document.LinePrices;
import ru.ccbilling.document.Statement;
import ru.ccbilling.money.Money;

/**
 * How a ledger entry of a closed month is printed: its service group, name, unit (OKEI), quantity and price.
 * Timed usage is printed in minutes (OKEI 355 «мин»; a conference's participant-minutes too, OKEI has no such
 * unit), counted usage in pieces (796 «шт»: calls, questionnaires, messages), monthly fees in months (362 «мес»).
 */
final class StatementLines {

    private StatementLines() { }

    /** OKEI 876 «усл. ед.»: a line whose amount is not quantity × price (see {@link LinePrices#exact}) */
    static final String SERVICE_UNIT_CODE = "876";
    static final String SERVICE_UNIT_NAME = "усл. ед.";
    /** the line of a MINIMUM_TOPUP entry (issue 17) */
    static final String MINIMUM_TOPUP_NAME = "Доплата до минимального ежемесячного платежа";

    static Statement.Line line(String kind, String service, String component, String reference, BigDecimal quantity,
                               String unit, BigDecimal rate, Money net, String reason, Integer channels, YearMonth month) {
        return switch (kind) {
            case "MONTHLY_FEE" -> monthlyFee(component, reference, quantity, rate, net, channels, month);
            case "VOLUME_DISCOUNT" -> new Statement.Line(Statement.Service.VOLUME_DISCOUNT,
                    "Скидка за объём сетевых минут" + (rate == null ? "" : " (коэффициент " + rate.stripTrailingZeros().toPlainString() + ")"),
                    "796", "шт", BigDecimal.ONE, net.amount(), net);
            case "MINIMUM_TOPUP" -> new Statement.Line(Statement.Service.MONTHLY_FEE, MINIMUM_TOPUP_NAME,
                    SERVICE_UNIT_CODE, SERVICE_UNIT_NAME, BigDecimal.ONE, net.amount(), net);
            case "ONE_TIME_CHARGE", "DEDUCTION" -> new Statement.Line(Statement.Service.ONE_TIME,
                    reason == null ? ("DEDUCTION".equals(kind) ? "Разовый вычет" : "Разовое начисление") : reason,
                    "796", "шт", BigDecimal.ONE, net.amount(), net);
            default -> usage(service, component, reference, quantity, unit, rate, net);
        };
    }

    /**
     * A month's fee: a whole month is 1 «мес» at the monthly price; a part of the month (amount × days / days in
     * month, rounded once) is not a product of two printable numbers, so it is one «усл. ед.» at its amount, the
     * days and the monthly price in its name.
     */
    private static Statement.Line monthlyFee(String component, String reference, BigDecimal days, BigDecimal rate, Money net,
                                             Integer channels, YearMonth month) {
        String name = monthlyFeeName(component, reference, channels);
        BigDecimal price = rate == null ? net.amount() : rate;
        if (days == null || days.intValue() == month.lengthOfMonth()) {
            Statement.Line whole = new Statement.Line(Statement.Service.MONTHLY_FEE, name, "362", "мес", BigDecimal.ONE, price, net);
            if (LinePrices.exact(whole)) {
                return whole;
            }
        }
        String detail = days == null ? "" : ": " + days.stripTrailingZeros().toPlainString() + " из " + month.lengthOfMonth()
                + " дн." + (rate == null ? "" : " по " + LinePrices.rub(rate) + " руб./мес");
        return new Statement.Line(Statement.Service.MONTHLY_FEE, name + detail, SERVICE_UNIT_CODE, SERVICE_UNIT_NAME,
                BigDecimal.ONE, net.amount(), net);
    }

    /**
     * Usage of one price: minutes (or calls, messages, pages) × the price when that is the amount to the kopeck, as it
     * is for everything billed by whole minutes or per call. Per-second and 30/6 billing round each call's amount,
     * so their sum is not minutes × price: such a line is one «усл. ед.» at the summed amount, the minutes and the
     * price per minute in its name.
     */
    private static Statement.Line usage(String service, String component, String detail, BigDecimal quantity,
                                        String unit, BigDecimal rate, Money net) {
        boolean timed = "SEC".equals(unit);
        Statement.Service group = group(service, component);
        String name = name(service, component, null, null) + UsageNames.qualifier(component, detail);
        BigDecimal units = quantity == null ? BigDecimal.ONE
                : timed ? quantity.divide(BigDecimal.valueOf(60), 6, RoundingMode.HALF_UP).stripTrailingZeros() : quantity;
        String unitCode = timed ? "355" : "796";
        String unitName = timed ? "мин" : "шт";
        BigDecimal price = rate != null ? rate : LinePrices.priceOf(net.amount(), units);
        if (price != null && units.scale() <= 3) {
            Statement.Line line = new Statement.Line(group, name, unitCode, unitName, units, price, net);
            if (LinePrices.exact(line)) {
                return line;
            }
        }
        String measure = quantity == null ? "" : ": " + LinePrices.quantity(timed ? ClosedMonthStatements.minutes(quantity) : units)
                + " " + unitName + (rate == null ? "" : " по " + LinePrices.rub(rate) + " руб./" + unitName)
                + (timed ? ", с округлением стоимости каждого вызова до копейки" : "");
        return new Statement.Line(group, name + measure, SERVICE_UNIT_CODE, SERVICE_UNIT_NAME, BigDecimal.ONE,
                net.amount(), net);
    }

    private static Statement.Service group(String service, String component) {
        Statement.Service ofService = switch (service == null ? "" : service) {
            case "VIRTUAL_OFFICE" -> Statement.Service.VIRTUAL_OFFICE;
            case "CONFERENCE" -> Statement.Service.CONFERENCES;
            case "SURVEY" -> Statement.Service.SURVEYS;
            case "INFORMING" -> Statement.Service.INFORMING;
            default -> null;
        };
        if (ofService != null) {
            return ofService;
        }
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
            case "VO_MINUTE" -> "Виртуальный офис: входящие вызовы";
            case "CONFERENCE_PORT" -> "Аудиоконференции";
            case "CONFERENCE_LEG" -> "Аудиоконференции: вызовы участникам";
            case "SURVEY_COMPLETED" -> "Телефонные опросы: заполненные анкеты";
            case "INFORMING_ATTEMPT" -> "Автоматическое информирование: вызовы";
            case "OPERATOR", "IVR", "POST", "OUTBOUND", "FORWARD_LEG", "MARKING_FEE" -> ofService(service, c);
            case "SMS" -> "SMS-сообщения";
            case "EMAIL" -> "Сообщения электронной почты";
            case "FAX" -> "Факсимильные сообщения, страницы";
            case "NUMBER_RENTAL" -> "Аренда номера 8-800";
            case "VIRTUAL_OFFICE_NUMBER" -> "Аренда номера виртуального офиса";
            case "DEDICATED_SEAT" -> "Выделенное рабочее место оператора";
            case "MINIMUM_TOPUP" -> MINIMUM_TOPUP_NAME;
            default -> fallback == null ? c : fallback;
        };
        return reference == null ? name : name + " " + reference;
    }

    /**
     * A component every call type may have (operators, IVR, outbound legs, marking): named as it always was for the
     * 8-800 and outbound calls, and after the service for the others, so that a survey's or an informing campaign's
     * outbound calls are not taken for ordinary ones.
     */
    private static String ofService(String service, String component) {
        String prefix = switch (service == null ? "" : service) {
            case "VIRTUAL_OFFICE" -> "Виртуальный офис: ";
            case "CONFERENCE" -> "Аудиоконференции: ";
            case "SURVEY" -> "Телефонные опросы: ";
            case "INFORMING" -> "Автоматическое информирование: ";
            default -> "";
        };
        String name = switch (component) {
            case "OPERATOR" -> "Работа операторов";
            case "IVR" -> "Голосовое меню (IVR)";
            case "POST" -> "Постобработка вызовов";
            case "OUTBOUND" -> "Исходящие вызовы";
            case "FORWARD_LEG" -> "Переадресация вызовов на внешние номера";
            default -> "Маркировка исходящих вызовов";
        };
        return prefix.isEmpty() ? name : prefix + Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    /** «Аренда номера виртуального офиса 74951230000 (3 канала)»; other fees by their name and reference */
    private static String monthlyFeeName(String component, String reference, Integer channels) {
        String name = name(null, component, reference, null);
        return channels == null ? name : name + " (" + channels + " " + channelsWord(channels) + ")";
    }

    /** 1 канал, 2–4 канала, 5–20 каналов, 21 канал... */
    static String channelsWord(int n) {
        int lastTwo = n % 100;
        int last = n % 10;
        if (lastTwo >= 11 && lastTwo <= 14) {
            return "каналов";
        }
        return last == 1 ? "канал" : last >= 2 && last <= 4 ? "канала" : "каналов";
    }
}
