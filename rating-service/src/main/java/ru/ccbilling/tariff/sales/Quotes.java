package ru.ccbilling.tariff.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;

import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.account.NumberAssignment;
import ru.ccbilling.money.Money;
import ru.ccbilling.period.MonthlyTerms;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.rules.CompiledTariff;
import ru.ccbilling.rules.Decisions;
import ru.ccbilling.rules.PricedLine;
import ru.ccbilling.tariff.StoredTraffic;
import ru.ccbilling.tariff.TariffCatalog;
import ru.ccbilling.tariff.TariffVersionRef;

/**
 * What a client would pay in a month under its client tariff (the working version) and under the base version, line
 * by line: from a traffic profile priced by the tables of both versions, or from an account's stored calls of chosen
 * months re-priced by the real engine under both. Each side then gets the month's fees (for the holdings of the
 * account on the month's last day, or the profile's numbers and seats, whole months), its volume discount, and the
 * client side the top-up to its minimum monthly payment (per month).
 */
@Service
public class Quotes {

    private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
    /** stored calls re-priced per month at most */
    static final int MAX_CALLS_PER_MONTH = 200_000;

    public record Line(String group, String name, BigDecimal quantity, String unit, BigDecimal standardPrice,
                       BigDecimal clientPrice, Money standard, Money client) { }

    public record Quote(String tariff, int version, String baseTariff, int baseVersion, String account, int months,
                        int calls, List<Line> lines, Money standardTotal, Money clientTotal) {
        public Money difference() {
            return clientTotal.minus(standardTotal);
        }
    }

    /** a traffic profile: quantities keyed by what the tables are keyed by */
    public record Profile(Map<List<String>, BigDecimal> networkMinutes, Map<String, BigDecimal> operatorMinutes,
                          BigDecimal ivrMinutes, BigDecimal postProcessedCalls, Map<String, BigDecimal> outboundMinutes,
                          Map<String, BigDecimal> oneTimeServices, int numbers, int seats) { }

    private final ClientTariffs tariffs;
    private final TariffCatalog catalog;
    private final StoredTraffic stored;
    private final AccountDirectory accounts;

    Quotes(ClientTariffs tariffs, TariffCatalog catalog, StoredTraffic stored, AccountDirectory accounts) {
        this.tariffs = tariffs;
        this.catalog = catalog;
        this.stored = stored;
        this.accounts = accounts;
    }

    private final class Sides {
        final Map<String, Object[]> lines = new LinkedHashMap<>();

        void add(String group, String name, String unit, BigDecimal quantity, BigDecimal price, Money amount, int side) {
            Object[] row = lines.computeIfAbsent(group + "|" + name, k -> new Object[] {group, name, unit,
                    BigDecimal.ZERO, null, null, Money.ZERO, Money.ZERO, BigDecimal.ZERO});
            if (side == 0) {
                row[3] = ((BigDecimal) row[3]).add(quantity == null ? BigDecimal.ZERO : quantity);
                row[4] = row[4] == null ? price : row[4];
                row[6] = ((Money) row[6]).plus(amount);
            } else {
                row[8] = ((BigDecimal) row[8]).add(quantity == null ? BigDecimal.ZERO : quantity);
                row[5] = row[5] == null ? price : row[5];
                row[7] = ((Money) row[7]).plus(amount);
            }
        }

        Money total(int side) {
            return lines.values().stream().map(r -> (Money) r[6 + side]).reduce(Money.ZERO, Money::plus);
        }

        List<Line> list() {
            List<Line> out = new ArrayList<>();
            lines.values().forEach(r -> {
                BigDecimal q = ((BigDecimal) r[3]).signum() != 0 ? (BigDecimal) r[3] : (BigDecimal) r[8];
                out.add(new Line((String) r[0], (String) r[1], q.signum() == 0 ? null : q.stripTrailingZeros(), (String) r[2], (BigDecimal) r[4],
                        (BigDecimal) r[5], (Money) r[6], (Money) r[7]));
            });
            return out;
        }
    }

    public Quote fromProfile(String code, Profile profile) {
        ClientTariffs.Info info = tariffs.find(code, false);
        CompiledTariff standard = compiled(info.baseTariff(), info.baseVersion());
        CompiledTariff client = compiled(code, info.workingVersion());
        Sides sides = new Sides();
        List<CompiledTariff> both = List.of(standard, client);
        for (int side = 0; side < 2; side++) {
            CompiledTariff t = both.get(side);
            for (var e : profile.networkMinutes().entrySet()) {
                BigDecimal price = price(t, "profile.networkMinutes", Decisions.NETWORK_MINUTE, "origin", e.getKey().get(0),
                        "timeBand", e.getKey().get(1));
                sides.add("NETWORK", "Сетевые минуты 8-800: " + e.getKey().get(0) + ", " + e.getKey().get(1), "мин",
                        e.getValue(), price, Money.of(price.multiply(e.getValue())), side);
            }
            for (var e : profile.operatorMinutes().entrySet()) {
                BigDecimal price = price(t, "profile.operatorMinutes", Decisions.OPERATOR_MINUTE, "site", e.getKey());
                sides.add("OPERATOR", "Работа операторов: " + e.getKey(), "мин", e.getValue(), price,
                        Money.of(price.multiply(e.getValue())), side);
            }
            if (profile.ivrMinutes() != null && profile.ivrMinutes().signum() > 0) {
                BigDecimal price = price(t, "profile.ivrMinutes", Decisions.IVR_MINUTE, "callType", "INBOUND_800");
                sides.add("IVR", "Голосовое меню (IVR)", "мин", profile.ivrMinutes(), price,
                        Money.of(price.multiply(profile.ivrMinutes())), side);
            }
            if (profile.postProcessedCalls() != null && profile.postProcessedCalls().signum() > 0) {
                BigDecimal price = price(t, "profile.postProcessedCalls", Decisions.POST_PROCESSING_FEE, "callType", "INBOUND_800");
                sides.add("POST_PROCESSING", "Постобработка вызовов", "шт", profile.postProcessedCalls(), price,
                        Money.of(price.multiply(profile.postProcessedCalls())), side);
            }
            for (var e : profile.outboundMinutes().entrySet()) {
                BigDecimal price = price(t, "profile.outboundMinutes", Decisions.OUTBOUND_MINUTE, "destinationClass",
                        e.getKey(), "trunk", "TRUNK-A");
                sides.add("OUTBOUND", "Исходящие вызовы: " + e.getKey(), "мин", e.getValue(), price,
                        Money.of(price.multiply(e.getValue())), side);
            }
            for (var e : profile.oneTimeServices().entrySet()) {
                BigDecimal price = price(t, "profile.oneTimeServices", Decisions.ONE_TIME_SERVICE, "service", e.getKey());
                sides.add("ONE_TIME", "Разовые услуги: " + e.getKey(), "шт", e.getValue(), price,
                        Money.of(price.multiply(e.getValue())), side);
            }
            fee(sides, t, MonthlyTerms.NUMBER_RENTAL, "Аренда номера 8-800", profile.numbers(), side);
            fee(sides, t, MonthlyTerms.DEDICATED_SEAT, "Выделенное рабочее место оператора", profile.seats(), side);
        }
        BigDecimal networkMinutes = profile.networkMinutes().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return finish(info, sides, List.of(standard, client), networkMinutes, 1, 0, null);
    }

    public Quote fromAccount(String code, String account, List<YearMonth> months) {
        ClientTariffs.Info info = tariffs.find(code, false);
        var holdings = accounts.holdings(List.of(account)).get(account);
        if (holdings == null) {
            throw Refusal.invalid("account", "sales.account.unknown", account);
        }
        CompiledTariff standard = compiled(info.baseTariff(), info.baseVersion());
        CompiledTariff client = compiled(code, info.workingVersion());
        List<StoredTraffic.Version> versions = List.of(new StoredTraffic.Version(info.baseTariff(), info.baseVersion()),
                new StoredTraffic.Version(code, info.workingVersion()));
        Sides sides = new Sides();
        int calls = 0;
        BigDecimal[] networkSeconds = {BigDecimal.ZERO};
        for (YearMonth month : months) {
            OffsetDateTime from = month.atDay(1).atStartOfDay(MOSCOW).toOffsetDateTime();
            OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(MOSCOW).toOffsetDateTime();
            calls += stored.reprice(account, from, to, MAX_CALLS_PER_MONTH, versions, (side, lines) -> {
                for (PricedLine line : lines) {
                    BigDecimal minutes = BigDecimal.valueOf(line.billedSeconds()).divide(BigDecimal.valueOf(60), 4,
                            RoundingMode.HALF_UP);
                    if (side == 0 && "NETWORK".equals(line.component())) {
                        networkSeconds[0] = networkSeconds[0].add(BigDecimal.valueOf(line.billedSeconds()));
                    }
                    sides.add(group(line.component()), name(line), line.billedSeconds() > 0 ? "мин" : "шт",
                            line.billedSeconds() > 0 ? minutes : BigDecimal.ONE, line.rate(), Money.of(line.amount()), side);
                }
            });
            LocalDate last = month.atEndOfMonth();
            for (int side = 0; side < 2; side++) {
                CompiledTariff t = side == 0 ? standard : client;
                long numbers = holdings.numbers().stream().filter(n -> n.covers(last) && !n.isVirtualOffice()).count();
                fee(sides, t, MonthlyTerms.NUMBER_RENTAL, "Аренда номера 8-800", (int) numbers, side);
                for (NumberAssignment n : holdings.numbers()) {
                    if (n.covers(last) && n.isVirtualOffice()) {
                        fee(sides, t, MonthlyTerms.VIRTUAL_OFFICE_NUMBER, "Аренда номера виртуального офиса", 1, side);
                    }
                }
                long seats = holdings.account().dedicatedOperators().stream()
                        .filter(o -> !last.isBefore(o.validFrom()) && (o.validTo() == null || last.isBefore(o.validTo())))
                        .count();
                fee(sides, t, MonthlyTerms.DEDICATED_SEAT, "Выделенное рабочее место оператора", (int) seats, side);
            }
        }
        BigDecimal networkMinutes = networkSeconds[0].divide(BigDecimal.valueOf(60), 0, RoundingMode.CEILING)
                .divide(BigDecimal.valueOf(Math.max(1, months.size())), 0, RoundingMode.HALF_UP);
        return finish(info, sides, List.of(standard, client), networkMinutes, months.size(), calls, account);
    }

    /** the volume discount of each side and the client's top-up to the minimum payment, then the totals */
    private Quote finish(ClientTariffs.Info info, Sides sides, List<CompiledTariff> both, BigDecimal networkMinutesPerMonth,
                         int months, int calls, String account) {
        for (int side = 0; side < 2; side++) {
            final int s = side;
            Money network = sides.lines.values().stream().filter(r -> "NETWORK".equals(r[0]))
                    .map(r -> (Money) r[6 + s]).reduce(Money.ZERO, Money::plus);
            BigDecimal coefficient = both.get(side).decide(Decisions.VOLUME_COEFFICIENT, "networkMinutes",
                    networkMinutesPerMonth).orElse(BigDecimal.ONE);
            Money discount = Money.ZERO.minus(network.times(BigDecimal.ONE.subtract(coefficient)));
            if (discount.amount().signum() != 0) {
                sides.add("VOLUME_DISCOUNT", "Скидка за объём сетевых минут", null, null, coefficient, discount, side);
            }
        }
        Optional<BigDecimal> minimum = both.get(1).decide(Decisions.MONTHLY_FEE, "fee", MonthlyTerms.MINIMUM_MONTHLY_PAYMENT);
        if (minimum.isPresent()) {
            Money usage = sides.lines.values().stream().filter(r -> !"MONTHLY_FEES".equals(r[0]) && !"VOLUME_DISCOUNT".equals(r[0]))
                    .map(r -> (Money) r[7]).reduce(Money.ZERO, Money::plus);
            Money floor = Money.of(minimum.get().multiply(BigDecimal.valueOf(months)));
            Money topUp = floor.minus(usage);
            if (topUp.amount().signum() > 0) {
                sides.add("MINIMUM_TOPUP", "Доплата до минимального ежемесячного платежа", null, null, minimum.get(), topUp, 1);
            }
        }
        return new Quote(info.code(), info.workingVersion(), info.baseTariff(), info.baseVersion(), account, months, calls,
                sides.list(), sides.total(0), sides.total(1));
    }

    private static void fee(Sides sides, CompiledTariff t, String fee, String name, int count, int side) {
        if (count <= 0) {
            return;
        }
        Optional<BigDecimal> price = t.decide(Decisions.MONTHLY_FEE, "fee", fee);
        price.ifPresent(p -> sides.add("MONTHLY_FEES", name, "мес", BigDecimal.valueOf(count), p,
                Money.of(p.multiply(BigDecimal.valueOf(count))), side));
    }

    private static BigDecimal price(CompiledTariff tariff, String field, String decision, Object... inputs) {
        return tariff.decide(decision, inputs).orElseThrow(() -> Refusal.invalid(field, "sales.profile.noPrice",
                java.util.Arrays.toString(inputs)));
    }

    private CompiledTariff compiled(String tariff, int version) {
        return catalog.version(tariff, version).map(TariffVersionRef::compiled)
                .orElseThrow(() -> Refusal.notFound("tariff.versionNotFound", tariff, version));
    }

    static String group(String component) {
        return switch (component) {
            case "NETWORK" -> "NETWORK";
            case "OPERATOR" -> "OPERATOR";
            case "IVR" -> "IVR";
            case "POST" -> "POST_PROCESSING";
            case "OUTBOUND", "FORWARD_LEG", "MARKING_FEE" -> "OUTBOUND";
            case "SMS", "EMAIL", "FAX" -> "ONE_TIME";
            default -> "OTHER";
        };
    }

    private static String name(PricedLine line) {
        String base = switch (line.component()) {
            case "NETWORK" -> "Сетевые минуты 8-800";
            case "OPERATOR" -> "Работа операторов";
            case "IVR" -> "Голосовое меню (IVR)";
            case "POST" -> "Постобработка вызовов";
            case "OUTBOUND" -> "Исходящие вызовы";
            case "FORWARD_LEG" -> "Переадресация на внешние номера";
            case "MARKING_FEE" -> "Маркировка исходящих вызовов";
            default -> line.component();
        };
        Matcher key = DECISION_KEY.matcher(line.note() == null ? "" : line.note());
        if (!key.find()) {
            return base;
        }
        List<String> words = new ArrayList<>();
        for (String code : key.group(1).split(",\\s*")) {
            words.add(WORDS.getOrDefault(code.trim(), code.trim()));
        }
        return base + " (" + String.join(", ", words) + ")";
    }

    /** the table key the engine's note names, e.g. «NetworkMinute[MOBILE, PEAK]»: the same under both versions */
    private static final Pattern DECISION_KEY = Pattern.compile("\\w+\\[([^\\]]*)\\]");

    private static final Map<String, String> WORDS = Map.ofEntries(Map.entry("MSK", "Москва"),
            Map.entry("NSK", "Новосибирск"), Map.entry("REMOTE", "на дому"), Map.entry("LOCAL", "местные"),
            Map.entry("INTERCITY", "междугородные"), Map.entry("MOBILE", "мобильные"), Map.entry("PEAK", "пиковое время"),
            Map.entry("OFF_PEAK", "непиковое время"), Map.entry("INBOUND_800", "8-800"),
            Map.entry("MOSCOW_FIXED", "Москва, фиксированные"), Map.entry("RU_MOBILE", "Россия, мобильные"),
            Map.entry("RU_INTERCITY", "Россия, междугородные"), Map.entry("BELARUS", "Беларусь"),
            Map.entry("NORTH_AMERICA", "Северная Америка"));
}
