package ru.ccbilling.portal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import ru.ccbilling.clock.ClockConfiguration;
import ru.ccbilling.mail.Mailer;
import ru.ccbilling.money.Money;

/**
 * E-mails to the people of a client (enabled client users with an address), found by scanning what happened:
 * documents issued for one of their accounts, the money left on an account below the threshold the client set
 * (once a month per threshold), a new version of the account's tariff taking effect. Each notification has a key
 * (kind, subject, recipient) that is claimed in {@code client_notification} before the letter goes out, so a
 * letter is sent once, by one instance, even when several scan at the same time. Nothing happens without mail
 * ({@code spring.mail.host}); events older than {@code ccbilling.notifications.lookback} are not announced.
 */
@Component
public class ClientNotifications {

    /** who is told about which account: the enabled client users with an e-mail, by the portal's scope */
    private static final String RECIPIENTS = """
            select s.username, u.email, s.account_code from client_scope s join app_user u on u.username = s.username
             where u.email is not null""";

    private record Letter(String key, String kind, String account, String recipient, String subject, String text) { }

    private final JdbcTemplate jdbc;
    private final Mailer mailer;
    private final Clock clock;
    private final Duration lookback;

    ClientNotifications(JdbcTemplate jdbc, Mailer mailer, Clock clock,
                        @Value("${ccbilling.notifications.lookback:7d}") Duration lookback) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.clock = clock;
        this.lookback = lookback;
    }

    @Scheduled(fixedDelayString = "${ccbilling.notifications.interval:60s}",
            initialDelayString = "${ccbilling.notifications.interval:60s}")
    void scan() {
        run();
    }

    /** one scan of all three kinds; answers how many letters went out */
    public int run() {
        if (!mailer.enabled()) {
            return 0;
        }
        Instant since = clock.instant().minus(lookback);
        int sent = 0;
        for (Letter letter : documentsIssued(since)) {
            sent += send(letter);
        }
        for (Letter letter : balancesLow()) {
            sent += send(letter);
        }
        for (Letter letter : priceLists(since)) {
            sent += send(letter);
        }
        return sent;
    }

    private List<Letter> documentsIssued(Instant since) {
        return jdbc.query("""
                select p.id, p.account, p.month, r.username, r.email,
                       (select string_agg(d.number, ', ' order by d.type) from document d where d.package_id = p.id)
                  from document_package p join (""" + RECIPIENTS + """
                ) r on r.account_code = p.account
                 where p.created_at >= ?
                """, (rs, i) -> new Letter("DOCUMENTS_ISSUED:" + rs.getString(1) + ":" + rs.getString(4),
                "DOCUMENTS_ISSUED", rs.getString(2), rs.getString(5),
                "Документы за " + rs.getString(3) + " по лицевому счёту " + rs.getString(2), """
                Здравствуйте!

                По лицевому счёту %s выставлены документы за %s (№ %s).
                Они в личном кабинете, раздел «Документы»: %s
                """.formatted(rs.getString(2), rs.getString(3), rs.getString(6),
                mailer.url("/#/portal-documents"))), Timestamp.from(since));
    }

    private List<Letter> balancesLow() {
        YearMonth month = YearMonth.now(clock.withZone(ClockConfiguration.BUSINESS_ZONE));
        return jdbc.query("""
                select x.account_code, x.balance_threshold, x.money_left, r.username, r.email from (
                    select s.account_code, s.balance_threshold,
                           coalesce(-sum(e.amount) filter (where e.kind = 'PAYMENT'), 0)
                         - coalesce(sum(e.amount + e.vat) filter (where e.kind <> 'PAYMENT'), 0) as money_left
                      from client_notification_setting s
                      left join ledger_entry e on e.account_code = s.account_code and e.kind <> 'PARTNER_ACCRUAL'
                     where s.balance_threshold is not null
                     group by s.account_code, s.balance_threshold
                ) x join (""" + RECIPIENTS + """
                ) r on r.account_code = x.account_code
                 where x.money_left < x.balance_threshold
                """, (rs, i) -> {
                    String account = rs.getString(1);
                    BigDecimal threshold = rs.getBigDecimal(2);
                    return new Letter("BALANCE_LOW:" + account + ":" + month + ":" + threshold.toPlainString() + ":"
                            + rs.getString(4), "BALANCE_LOW", account, rs.getString(5),
                            "На лицевом счёте " + account + " осталось меньше " + Money.of(threshold) + " руб.", """
                            Здравствуйте!

                            На лицевом счёте %s осталось %s руб. — меньше порога %s руб., заданного в личном кабинете.
                            Начисления и оплаты: %s
                            """.formatted(account, Money.of(rs.getBigDecimal(3)), Money.of(threshold),
                            mailer.url("/#/portal-ledger")));
                });
    }

    private List<Letter> priceLists(Instant since) {
        return jdbc.query("""
                select v.tariff_code, v.version, v.effective_from, t.account_code, r.username, r.email
                  from tariff_version v
                  join account_tariff t on t.tariff_code = v.tariff_code
                   and t.valid_from <= (v.effective_from at time zone 'Europe/Moscow')::date
                   and (t.valid_to is null or t.valid_to > (v.effective_from at time zone 'Europe/Moscow')::date)
                  join (""" + RECIPIENTS + """
                ) r on r.account_code = t.account_code
                 where v.state in ('PUBLISHED', 'SUPERSEDED') and v.effective_from >= ? and v.effective_from <= ?
                """, (rs, i) -> new Letter("PRICE_LIST:" + rs.getString(1) + ":" + rs.getInt(2) + ":" + rs.getString(5),
                "PRICE_LIST", rs.getString(4), rs.getString(6),
                "Новый прейскурант по тарифу " + rs.getString(1), """
                Здравствуйте!

                С %s по тарифу %s лицевого счёта %s действует новый прейскурант (версия %d).
                Он в личном кабинете, раздел «Прейскурант»: %s
                """.formatted(rs.getObject(3, java.time.OffsetDateTime.class)
                        .atZoneSameInstant(ClockConfiguration.BUSINESS_ZONE).toLocalDate(), rs.getString(1),
                rs.getString(4), rs.getInt(2), mailer.url("/#/portal-price-list"))),
                Timestamp.from(since), Timestamp.from(clock.instant()));
    }

    /** claims the letter's key; only the claimant sends, and a failure is recorded, never retried */
    private int send(Letter letter) {
        int claimed = jdbc.update("""
                insert into client_notification (key, kind, account_code, recipient, subject, created_at)
                values (?, ?, ?, ?, ?, ?) on conflict (key) do nothing
                """, letter.key(), letter.kind(), letter.account(), letter.recipient(), letter.subject(),
                Timestamp.from(clock.instant()));
        if (claimed == 0) {
            return 0;
        }
        boolean sent = mailer.send(letter.recipient(), letter.subject(), letter.text());
        jdbc.update("update client_notification set sent_at = ?, error = ? where key = ?",
                sent ? Timestamp.from(clock.instant()) : null, sent ? null : "не отправлено: см. журнал сервера",
                letter.key());
        return sent ? 1 : 0;
    }
}
