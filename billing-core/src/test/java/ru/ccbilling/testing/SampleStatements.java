package ru.ccbilling.testing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import ru.ccbilling.document.Correction;
import ru.ccbilling.document.Statement;
import ru.ccbilling.document.Statement.Client;
import ru.ccbilling.document.Statement.DeliveryMethod;
import ru.ccbilling.document.Statement.DocumentKind;
import ru.ccbilling.document.Statement.Line;
import ru.ccbilling.document.Statement.PostalAddress;
import ru.ccbilling.document.Statement.Service;
import ru.ccbilling.money.Money;

/**
 * Statements as billing will provide them, priced by the reference tariff CC-STANDARD-2026: the demo accounts
 * ACC-1001 ООО «Ромашка» and ACC-1002 АО «Вектор», and any number of generated accounts ACC-2xxxxx.
 */
public final class SampleStatements {

    private SampleStatements() { }

    /** the seller seeded by migration V60 */
    public static Statement.Seller seller() {
        return new Statement.Seller("CCB", "ООО «Контакт-Центр Биллинг»", "7714123456", "771401001",
                "125167, г. Москва, Ленинградский проспект, д. 39, стр. 80", "Смирнов Алексей Викторович",
                "Кузнецова Ольга Петровна", new Statement.Bank("ПАО Сбербанк, г. Москва", "044525225",
                "30101810400000000225", "40702810938000012345"), "+7 495 123-45-67");
    }

    public static Statement romashka(YearMonth month) {
        Client client = new Client("ООО «Ромашка»", "7701234567", "770101001",
                "119019, г. Москва, ул. Новый Арбат, д. 10, офис 305",
                new PostalAddress("119019", "г. Москва, ул. Новый Арбат, д. 10, офис 305"), DeliveryMethod.POST,
                "buh@romashka.example", DocumentKind.VAT_INVOICE_AND_ACT, "Генеральный директор Петров П. П.");
        List<Line> lines = List.of(
                minutes(Service.NETWORK_MINUTES, "Входящие вызовы 8-800: сетевые минуты, мобильные номера", 12_480, "2.90"),
                minutes(Service.NETWORK_MINUTES, "Входящие вызовы 8-800: сетевые минуты, Москва", 3_215, "1.20"),
                minutes(Service.NETWORK_MINUTES, "Входящие вызовы 8-800: сетевые минуты, междугородные", 4_102, "2.10"),
                minutes(Service.OPERATOR_MINUTES, "Работа операторов, площадка Москва", 6_840, "18.00"),
                minutes(Service.OPERATOR_MINUTES, "Работа операторов, площадка Новосибирск", 2_210, "12.00"),
                new Line(Service.IVR, "Голосовое меню (IVR)", "355", "мин", new BigDecimal("5310.5"), new BigDecimal("0.60"), Money.of("3186.30")),
                new Line(Service.POST_PROCESSING, "Постобработка вызовов", "796", "шт", new BigDecimal("1920"), new BigDecimal("5.00"), Money.of("9600.00")),
                minutes(Service.OUTBOUND, "Исходящие вызовы на мобильные номера РФ, транк A", 1_150, "1.90"),
                new Line(Service.ONE_TIME, "SMS-уведомления", "796", "шт", new BigDecimal("2400"), new BigDecimal("2.50"), Money.of("6000.00")),
                new Line(Service.ONE_TIME, "E-mail-уведомления", "796", "шт", new BigDecimal("800"), new BigDecimal("0.50"), Money.of("400.00")),
                new Line(Service.MONTHLY_FEE, "Аренда номера 8-800-555-35-35", "362", "мес", BigDecimal.ONE, new BigDecimal("1500.00"), Money.of("1500.00")),
                new Line(Service.MONTHLY_FEE, "Выделенное рабочее место оператора (OP-101, OP-201)", "362", "мес", new BigDecimal("2"), new BigDecimal("65000.00"), Money.of("130000.00")),
                new Line(Service.VOLUME_DISCOUNT, "Скидка за объём сетевых минут (коэффициент 0,95)", "796", "шт", BigDecimal.ONE, new BigDecimal("-2431.12"), Money.of("-2431.12")));
        return new Statement("ACC-1001", month, null, seller(), client, "№ 15/26 от 10.01.2026", lines);
    }

    public static Statement vector(YearMonth month) {
        Client client = new Client("АО «Вектор»", "7802345678", "780201001",
                "197022, г. Санкт-Петербург, ул. Льва Толстого, д. 7, лит. А",
                new PostalAddress("197022", "г. Санкт-Петербург, ул. Льва Толстого, д. 7, лит. А"), DeliveryMethod.EMAIL,
                "docs@vector.example", DocumentKind.UPD, null);
        List<Line> lines = List.of(
                minutes(Service.NETWORK_MINUTES, "Входящие вызовы 8-800: сетевые минуты, мобильные номера", 2_870, "2.90"),
                minutes(Service.OPERATOR_MINUTES, "Работа операторов, удалённая площадка", 1_320, "9.00"),
                new Line(Service.IVR, "Голосовое меню (IVR)", "355", "мин", new BigDecimal("640.25"), new BigDecimal("0.60"), Money.of("384.15")),
                new Line(Service.POST_PROCESSING, "Постобработка вызовов", "796", "шт", new BigDecimal("410"), new BigDecimal("5.00"), Money.of("2050.00")),
                new Line(Service.MONTHLY_FEE, "Аренда номера 8-800-100-20-30", "362", "мес", BigDecimal.ONE, new BigDecimal("1500.00"), Money.of("1500.00")));
        return new Statement("ACC-1002", month, null, seller(), client, "№ 22/26 от 15.01.2026", lines);
    }

    /** a correction of ACC-1001's month: operator minutes re-rated down, network minutes up */
    public static Correction romashkaCorrection(YearMonth month, LocalDate date) {
        return new Correction("RR-" + month + "-ACC-1001-1", "ACC-1001", month, date,
                "Перетарификация вызовов за " + month, null, null, List.of(
                new Correction.Line("Работа операторов, площадка Москва", "355", "мин", new BigDecimal("6840"),
                        new BigDecimal("6790"), new BigDecimal("18.00"), new BigDecimal("18.00"), Money.of("123120.00"), Money.of("122220.00")),
                new Correction.Line("Входящие вызовы 8-800: сетевые минуты, мобильные номера", "355", "мин", new BigDecimal("12480"),
                        new BigDecimal("12530"), new BigDecimal("2.90"), new BigDecimal("2.90"), Money.of("36192.00"), Money.of("36337.00"))));
    }

    private static final String[] FORMS = {"ООО", "АО", "ПАО", "ООО", "ИП"};
    private static final String[] NAMES = {"Альфа", "Бета-Сервис", "Гранит", "Дельта Телеком", "Енисей", "Жемчуг", "Заря",
            "Импульс", "Каскад", "Лотос", "Меридиан", "Нева", "Орион", "Полюс", "Радуга", "Север", "Титан", "Урал", "Феникс", "Эталон"};
    private static final String[] CITIES = {"г. Москва, ул. Тверская", "г. Санкт-Петербург, Невский пр.", "г. Казань, ул. Баумана",
            "г. Новосибирск, Красный пр.", "г. Екатеринбург, ул. Ленина", "г. Самара, ул. Куйбышева"};
    private static final String[] POSTCODES = {"125009", "191186", "420111", "630099", "620014", "443099"};

    /** generated account {@code n}: ACC-2nnnnn, deterministic from n */
    public static Statement generated(int n, YearMonth month) {
        Random random = new Random(n * 7919L + month.getMonthValue());
        String form = FORMS[n % FORMS.length];
        String name = form + " «" + NAMES[n % NAMES.length] + " " + (n % 997) + "»";
        int city = random.nextInt(CITIES.length);
        String street = CITIES[city] + ", д. " + (1 + random.nextInt(120));
        boolean entrepreneur = form.equals("ИП");
        String inn = entrepreneur ? String.format("77%010d", n) : String.format("77%08d", n);
        DeliveryMethod delivery = DeliveryMethod.values()[random.nextInt(4)];
        Client client = new Client(name, inn, entrepreneur ? null : inn.substring(0, 4) + "01001",
                POSTCODES[city] + ", " + street, new PostalAddress(POSTCODES[city], street), delivery,
                "buh" + n + "@client.example", random.nextInt(5) == 0 ? DocumentKind.UPD : DocumentKind.VAT_INVOICE_AND_ACT, null);
        List<Line> lines = new ArrayList<>();
        int mobile = 500 + random.nextInt(20_000);
        lines.add(minutes(Service.NETWORK_MINUTES, "Входящие вызовы 8-800: сетевые минуты, мобильные номера", mobile, "2.90"));
        lines.add(minutes(Service.NETWORK_MINUTES, "Входящие вызовы 8-800: сетевые минуты, Москва", 100 + random.nextInt(5_000), "1.20"));
        lines.add(minutes(Service.OPERATOR_MINUTES, "Работа операторов, площадка Москва", 100 + random.nextInt(8_000), "18.00"));
        BigDecimal ivr = new BigDecimal(random.nextInt(300_000)).movePointLeft(2);
        lines.add(new Line(Service.IVR, "Голосовое меню (IVR)", "355", "мин", ivr, new BigDecimal("0.60"), Money.of(ivr.multiply(new BigDecimal("0.60")))));
        int calls = 50 + random.nextInt(3_000);
        lines.add(new Line(Service.POST_PROCESSING, "Постобработка вызовов", "796", "шт", new BigDecimal(calls), new BigDecimal("5.00"), Money.of(new BigDecimal(calls * 5))));
        if (random.nextBoolean()) {
            lines.add(minutes(Service.OUTBOUND, "Исходящие вызовы на мобильные номера РФ", 10 + random.nextInt(3_000), "1.70"));
        }
        if (random.nextInt(3) == 0) {
            int sms = 10 + random.nextInt(5_000);
            lines.add(new Line(Service.ONE_TIME, "SMS-уведомления", "796", "шт", new BigDecimal(sms), new BigDecimal("2.50"), Money.of(new BigDecimal(sms).multiply(new BigDecimal("2.50")))));
        }
        lines.add(new Line(Service.MONTHLY_FEE, "Аренда номера 8-800", "362", "мес", BigDecimal.ONE, new BigDecimal("1500.00"), Money.of("1500.00")));
        if (mobile > 10_000) {
            Money discount = Money.of(new BigDecimal(mobile).multiply(new BigDecimal("2.90")).multiply(new BigDecimal("-0.05")));
            lines.add(new Line(Service.VOLUME_DISCOUNT, "Скидка за объём сетевых минут (коэффициент 0,95)", "796", "шт",
                    BigDecimal.ONE, discount.amount(), discount));
        }
        return new Statement(String.format("ACC-2%05d", n), month, null, seller(), client, null, lines);
    }

    private static Line minutes(Service service, String name, int minutes, String price) {
        BigDecimal p = new BigDecimal(price);
        return new Line(service, name, "355", "мин", new BigDecimal(minutes), p, Money.of(p.multiply(new BigDecimal(minutes))));
    }
}
