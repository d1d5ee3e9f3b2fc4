package ru.ccbilling.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import ru.ccbilling.Api;
import ru.ccbilling.RatingServiceApplication;
import ru.ccbilling.testing.TestDatabase;

/**
 * Hostile values for the fields of the main write endpoints, sent through the real HTTP API: strings with NUL,
 * lone surrogates and control characters, huge strings, numbers out of every range, nulls and nesting where
 * values belong, dates outside 2000-2100, garbage after the body. Whatever is sent: never a 5xx, and a refused
 * request (4xx, or a record answered REFUSED or DUPLICATE) leaves the row counts of its tables as they were.
 * jqwik runs the properties; the platform runs on its own port and database, started once for them.
 */
class ContractFuzzTest {

    /** tries of the intake properties; staff endpoints check a bcrypt password per request, so they get half */
    private static final int TRIES = 80;
    private static final int STAFF_TRIES = 40;
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final Pattern FIELD = Pattern.compile("@([A-Za-z0-9_.]+)@");

    private static ConfigurableApplicationContext app;
    private static JdbcTemplate jdbc;
    private static Api admin;
    private static Api equipment;

    /** one write endpoint: a body template whose @field@ placeholders take valid values, and the tables it writes */
    record Endpoint(String name, String method, String path, boolean asEquipment, String template,
                    Map<String, Supplier<String>> valid, List<String> tables) { }

    /** what one try sends: the endpoint, the field made hostile, its value, and whether garbage follows the body */
    record Attack(Endpoint endpoint, String field, String value, boolean trailingGarbage) {
        @Override
        public String toString() {
            String shown = value.length() > 200 ? value.substring(0, 200) + "...(" + value.length() + " chars)" : value;
            return endpoint.name() + " " + field + "=" + shown + (trailingGarbage ? " + trailing garbage" : "");
        }
    }

    @BeforeContainer
    static void startThePlatform() {
        app = new SpringApplicationBuilder(RatingServiceApplication.class).profiles("demo")
                .initializers(new TestDatabase()).run("--server.port=0", "--ccbilling.test.context=contract-fuzz");
        int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
        jdbc = app.getBean(JdbcTemplate.class);
        admin = Api.as(port, "admin", "admin");
        equipment = Api.as(port, "admin", "admin");
    }

    @AfterContainer
    static void stopThePlatform() {
        if (app != null) {
            app.close();
        }
    }

    @Property(tries = TRIES)
    void cdrIntakeNeverFailsAndStoresNoRefusedRecord(@ForAll("cdrAttacks") Attack attack) {
        check(attack);
    }

    @Property(tries = TRIES)
    void serviceEventsNeverFailAndStoreNoRefusedEvent(@ForAll("serviceEventAttacks") Attack attack) {
        check(attack);
    }

    @Property(tries = STAFF_TRIES)
    void accountsNeverFailAndStoreNothingRefused(@ForAll("accountAttacks") Attack attack) {
        check(attack);
    }

    @Property(tries = STAFF_TRIES)
    void chargesAndPaymentsNeverFailAndBookNothingRefused(@ForAll("ledgerAttacks") Attack attack) {
        check(attack);
    }

    @Property(tries = STAFF_TRIES / 2)
    void periodClosesNeverFailAndCloseNothingRefused(@ForAll("closeAttacks") Attack attack) {
        check(attack);
    }

    @Property(tries = STAFF_TRIES)
    void numberingTemplatesAndReferenceDataNeverFailAndStoreNothingRefused(@ForAll("settingAttacks") Attack attack) {
        check(attack);
    }

    @Property(tries = TRIES)
    void listingsNeverFailWhateverTheirFilters(@ForAll("listingAttacks") Attack attack) {
        check(attack);
    }

    // ---- the endpoints

    @Provide
    Arbitrary<Attack> listingAttacks() {
        Endpoint cdrs = new Endpoint("cdr listing", "GET",
                "/api/v1/cdrs?status=@status@&account=@account@&source=@source@&from=@from@&to=@to@&page=@page@&size=@size@",
                true, "", fields("status", "RATED", "account", "ACC-1001", "source", "fuzz", "from",
                "2026-03-01T00:00:00Z", "to", "2026-04-01T00:00:00Z", "page", "0", "size", "10"), List.of());
        Endpoint rejects = new Endpoint("rejects", "GET", "/api/v1/rejects?reason=@reason@&account=@account@&source=@source@",
                true, "", fields("reason", "UNKNOWN_OPERATOR", "account", "ACC-1001", "source", "fuzz"), List.of());
        Endpoint record = new Endpoint("one CDR", "GET", "/api/v1/cdrs/@source@/@cdrId@", true, "",
                fields("source", "fuzz", "cdrId", "c1"), List.of());
        return Arbitraries.oneOf(attacks(cdrs), attacks(rejects), attacks(record));
    }

    @Provide
    Arbitrary<Attack> cdrAttacks() {
        return attacks(new Endpoint("cdrs", "POST", "/api/v1/cdrs", true, """
                {"records":[{"source":@source@,"cdrId":@cdrId@,"callType":@callType@,"startTime":@startTime@,
                 "caller":@caller@,"called":@called@,"trunk":@trunk@,"vendor":@vendor@,
                 "stages":[{"type":@stageType@,"durationSec":@durationSec@},
                           {"type":"OPERATOR","durationSec":@operatorSec@,"operatorId":@operatorId@}]}]}""",
                fields("source", q("fuzz"), "cdrId", fresh(() -> q("c" + IDS.incrementAndGet())), "callType", q("INBOUND_800"),
                        "startTime", q("2026-03-10T10:15:00+03:00"), "caller", q("79161234567"),
                        "called", q("78005553535"), "trunk", q("TRUNK-A"), "vendor", q("x"), "stageType", q("IVR"),
                        "durationSec", "35", "operatorSec", "60", "operatorId", q("OP-101")),
                List.of("cdr_key", "cdr", "cdr_reject_history")));
    }

    @Provide
    Arbitrary<Attack> serviceEventAttacks() {
        return attacks(new Endpoint("service-events", "POST", "/api/v1/service-events", true, """
                {"events":[{"source":@source@,"eventId":@eventId@,"service":@service@,"account":@account@,
                 "time":@time@,"quantity":@quantity@}]}""",
                fields("source", q("fuzz"), "eventId", fresh(() -> q("e" + IDS.incrementAndGet())), "service", q("SMS"),
                        "account", q("ACC-1001"), "time", q("2026-03-10T10:00:00+03:00"), "quantity", "2"),
                List.of("service_event")));
    }

    @Provide
    Arbitrary<Attack> accountAttacks() {
        return attacks(new Endpoint("accounts", "POST", "/api/v1/accounts", false, """
                {"account":@account@,"client":@client@,"inn":@inn@,"kpp":@kpp@,
                 "legalAddress":{"postalCode":@postalCode@,"address":@address@},"email":@email@,
                 "contacts":[{"name":@contactName@,"phone":@phone@}],
                 "tariffs":[{"tariff":@tariff@,"validFrom":@validFrom@,"validTo":@validTo@}]}""",
                fields("account", fresh(() -> q("FZ-" + IDS.incrementAndGet())), "client", q("ООО «Фаззинг»"),
                        "inn", q("7701234560"), "kpp", q("770101001"), "postalCode", q("115114"),
                        "address", q("г. Москва"), "email", q("a@b.ru"), "contactName", q("Иван"), "phone", q("+7 495"),
                        "tariff", q("CC-STANDARD-2026"), "validFrom", q("2026-01-01"), "validTo", "null"),
                List.of("account", "account_tariff", "account_contact")));
    }

    @Provide
    Arbitrary<Attack> ledgerAttacks() {
        Endpoint charges = new Endpoint("charges", "POST", "/api/v1/accounts/ACC-1002/charges", false, """
                {"kind":@kind@,"amount":@amount@,"reason":@reason@,"date":@date@}""",
                fields("kind", q("ONE_TIME_CHARGE"), "amount", q("10.00"), "reason", q("setup"), "date", "null"),
                List.of("ledger_entry"));
        Endpoint payments = new Endpoint("payments", "POST", "/api/v1/accounts/ACC-1002/payments", false, """
                {"amount":@amount@,"date":@date@,"reference":@reference@,"reason":@reason@}""",
                fields("amount", q("10.00"), "date", "null", "reference", fresh(() -> q("PO-" + IDS.incrementAndGet())),
                        "reason", q("payment")),
                List.of("ledger_entry"));
        return Arbitraries.oneOf(attacks(charges), attacks(payments));
    }

    @Provide
    Arbitrary<Attack> closeAttacks() {
        Endpoint close = new Endpoint("close", "POST", "/api/v1/periods/@month@/close", false, """
                {"accounts":@accounts@}""",
                fields("month", fresh(() -> "2025-0" + (1 + IDS.incrementAndGet() % 9)), "accounts", "[\"ACC-1003\"]"),
                List.of("account_close", "ledger_entry"));
        return attacks(close);
    }

    @Provide
    Arbitrary<Attack> settingAttacks() {
        Endpoint numbering = new Endpoint("numbering", "PUT", "/api/v1/numbering-templates", false, """
                {"seller":@seller@,"documentType":@documentType@,"template":@template@,"division":@division@,"reset":@reset@}""",
                fields("seller", q("CCB"), "documentType", q("ACT"), "template", q("{YYYY}-{SEQ:6}"), "division", "null",
                        "reset", q("YEARLY")),
                List.of("numbering_template"));
        Endpoint operators = new Endpoint("operators", "PUT", "/api/v1/reference/operators", false, """
                {"operatorId":@operatorId@,"site":@site@,"name":@name@}""",
                fields("operatorId", fresh(() -> q("OP-FZ" + IDS.incrementAndGet() % 1000)), "site", q("MSK"), "name", q("Оператор")),
                List.of("operator"));
        Endpoint holidays = new Endpoint("holidays", "PUT", "/api/v1/reference/holidays", false, """
                {"date":@date@,"name":@name@}""",
                fields("date", q("2027-07-15"), "name", q("праздник")), List.of("holiday"));
        Endpoint trunks = new Endpoint("trunks", "PUT", "/api/v1/reference/trunks", false, """
                {"trunk":@trunk@,"description":@description@}""",
                fields("trunk", fresh(() -> q("TRUNK-FZ" + IDS.incrementAndGet() % 1000)), "description", q("транк")),
                List.of("trunk"));
        return Arbitraries.oneOf(attacks(numbering), attacks(operators), attacks(holidays), attacks(trunks));
    }

    // ---- hostile values

    private static Arbitrary<Attack> attacks(Endpoint endpoint) {
        List<String> names = new ArrayList<>(endpoint.valid().keySet());
        return net.jqwik.api.Combinators.combine(Arbitraries.of(names), hostileValues(),
                        Arbitraries.integers().between(0, 9))
                .as((field, value, garbage) -> new Attack(endpoint, field, value, garbage == 0));
    }

    /** JSON text: a hostile string, number, shape or date */
    static Arbitrary<String> hostileValues() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, hostileStrings().map(ContractFuzzTest::q)),
                net.jqwik.api.Tuple.of(3, hostileNumbers()),
                net.jqwik.api.Tuple.of(2, hostileShapes()),
                net.jqwik.api.Tuple.of(2, hostileDates().map(ContractFuzzTest::q)));
    }

    static Arbitrary<String> hostileStrings() {
        Arbitrary<String> mixed = Arbitraries.strings()
                .withChars('\u0000', '\u0001', '\u0007', '\t', '\n', '\u001f', '\u007f', '\u0085', '\u2028', '\ud800',
                        '\udc00', '/', '\\', ';', '%', '.', '{', '}', '"', ' ', 'a', 'Z', '7', 'Я', '-', '_')
                .ofMinLength(0).ofMaxLength(40);
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(20);
        Arbitrary<String> known = Arbitraries.of("", " ", "..", ".", "../../{SEQ}", "{SEQ}", "{SEQ}\u0000", "ACC-1001",
                "CC-STANDARD-2026", "OP-101", "NO-SUCH-THING", "x".repeat(70_000), "Я".repeat(5_000), "a/b", "a;b");
        return Arbitraries.oneOf(mixed, anyChars, known);
    }

    static Arbitrary<String> hostileNumbers() {
        return Arbitraries.oneOf(
                Arbitraries.of("1e400", "-1e400", "1e-400", "99999999999999999999999", "-99999999999999999999999",
                        "-1", "0", "-0", "1.5", "12.345", "0.001", "2147483648", "-2147483649", "9223372036854775808",
                        "1E2", "10000000000.00", "NaN", "Infinity", "0x10", "01"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? String.valueOf(d) : "0"),
                Arbitraries.of("\"12.345\"", "\"10000000000.00\"", "\"1e400\"", "\"-0.00\"", "\"9999999999999999.99\""));
    }

    static Arbitrary<String> hostileShapes() {
        return Arbitraries.of("null", "true", "[]", "{}", "[null]", "[null,null]", "{\"a\":null}", "\"\"",
                "[\"x\"]", "[1,2,3]", "[".repeat(2_000) + "]".repeat(2_000),
                "{\"a\":".repeat(1_500) + "1" + "}".repeat(1_500), "[[[[[[[[[[1]]]]]]]]]]");
    }

    static Arbitrary<String> hostileDates() {
        return Arbitraries.of("0001-01-01", "9999-12-31", "1999-12-31", "2101-01-01", "2026-02-30", "2026-13-01",
                "+999999999-12-31", "2026-03", "0001-01", "9999-12", "2026-03-10T10:15:00+03:00",
                "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-03-10T10:15:00+25:00", "1970-01-01T00:00:00Z");
    }

    // ---- sending and checking

    private static void check(Attack attack) {
        Endpoint e = attack.endpoint();
        Map<String, Long> before = counts(e.tables());
        String path = render(e.path(), attack, true);
        String body = render(e.template(), attack, false) + (attack.trailingGarbage() ? " xyz" : "");
        Api client = e.asEquipment() ? equipment : admin;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseOf(client) + path));
        if (!e.method().equals("GET")) {
            request.header("Content-Type", "application/json")
                    .method(e.method(), HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        Api.Response r = client.send(request);
        assertThat(r.status()).as("%s -> %s", attack, r.raw()).isBetween(200, 499);
        if (r.status() == 202 && r.body() != null && r.body().has("id")) {
            awaitJob(r.body().get("id").asText());
        }
        if (refused(r)) {
            assertThat(counts(e.tables())).as("%s -> %s stored something", attack, r.raw()).isEqualTo(before);
        }
        if (r.status() == 400 && !e.path().contains("@" + attack.field() + "@")) {
            // a URL the servlet container refuses itself (an encoded '/') gets its error page, not a problem
            assertThat(r.contentType()).as("%s -> %s", attack, r.raw()).startsWith("application/problem+json");
        }
    }

    /** a 4xx, or a batch of one record answered REFUSED or DUPLICATE */
    private static boolean refused(Api.Response r) {
        if (r.status() >= 400) {
            return true;
        }
        JsonNode results = r.body() == null ? null : r.body().get("results");
        if (results == null || results.isEmpty()) {
            return false;
        }
        String outcome = results.get(0).path("outcome").asText();
        return outcome.equals("REFUSED") || outcome.equals("DUPLICATE");
    }

    private static String render(String template, Attack attack, boolean inPath) {
        Matcher m = FIELD.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String field = m.group(1);
            String value = field.equals(attack.field()) ? attack.value() : attack.endpoint().valid().get(field).get();
            if (inPath) {
                // a path segment or query parameter takes the value as text: a JSON string unquoted, URL-encoded
                value = URLEncoder.encode(text(value), StandardCharsets.UTF_8).replace("+", "%20");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String text(String json) {
        if (!json.startsWith("\"")) {
            return json;
        }
        try {
            return Api.json().readTree(json).textValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Long> counts(List<String> tables) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            counts.put(table, jdbc.queryForObject("select count(*) from " + table, Long.class));
        }
        return counts;
    }

    private static void awaitJob(String id) {
        for (int i = 0; i < 600; i++) {
            JsonNode job = admin.get("/api/v1/jobs/" + id).body();
            if (job != null && !"RUNNING".equals(job.path("state").asText())) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String baseOf(Api client) {
        return "http://127.0.0.1:" + ((ServletWebServerApplicationContext) app).getWebServer().getPort();
    }

    /** a JSON string of the text, every character outside printable ASCII escaped (so lone surrogates survive) */
    static String q(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** a valid value made anew for each try (ids, so that a valid record is never a duplicate) */
    private static Supplier<String> fresh(Supplier<String> value) {
        return value;
    }

    private static Map<String, Supplier<String>> fields(Object... pairs) {
        Map<String, Supplier<String>> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            Object value = pairs[i + 1];
            @SuppressWarnings("unchecked")
            Supplier<String> supplier = value instanceof Supplier<?> s ? (Supplier<String>) s : () -> (String) value;
            out.put((String) pairs[i], supplier);
        }
        return out;
    }
}
