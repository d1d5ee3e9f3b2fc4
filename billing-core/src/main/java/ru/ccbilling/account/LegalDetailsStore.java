package ru.ccbilling.account;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The legal details of accounts: columns of {@code account} and its {@code account_contact} rows. */
@Repository
class LegalDetailsStore {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LegalDetailsStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<LegalDetails> find(String code) {
        List<LegalDetails.Contact> contacts = jdbc.query(
                "select name, role, phone, email from account_contact where account_code = ? order by position",
                (rs, i) -> new LegalDetails.Contact(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                code);
        return jdbc.query("""
                select inn, kpp, legal_postal_code, legal_address, postal_postal_code, postal_address, delivery_method,
                       delivery_email, ogrn, bik, settlement_account from account where code = ?
                """, (rs, i) -> new LegalDetails(rs.getString(1), rs.getString(2),
                        address(rs.getString(3), rs.getString(4)), address(rs.getString(5), rs.getString(6)),
                        rs.getString(7) == null ? null : LegalDetails.DeliveryMethod.valueOf(rs.getString(7)),
                        rs.getString(8), contacts, rs.getString(9),
                        rs.getString(10) == null && rs.getString(11) == null ? null
                                : new LegalDetails.Bank(rs.getString(10), rs.getString(11))), code)
                .stream().findFirst();
    }

    void save(String code, LegalDetails details) {
        LegalDetails.Address legal = details.legalAddress();
        LegalDetails.Address postal = details.postalAddress();
        jdbc.update("""
                update account set inn = ?, kpp = ?, legal_postal_code = ?, legal_address = ?, postal_postal_code = ?,
                       postal_address = ?, delivery_method = ?, delivery_email = ?, updated_at = ?,
                       ogrn = ?, bik = ?, settlement_account = ?
                 where code = ?
                """, details.inn(), details.kpp(), legal == null ? null : legal.postalCode(),
                legal == null ? null : legal.address(), postal == null ? null : postal.postalCode(),
                postal == null ? null : postal.address(),
                details.deliveryMethod() == null ? null : details.deliveryMethod().name(), details.email(),
                OffsetDateTime.now(clock), details.ogrn(), details.bank() == null ? null : details.bank().bik(),
                details.bank() == null ? null : details.bank().settlementAccount(), code);
        jdbc.update("delete from account_contact where account_code = ?", code);
        int position = 0;
        for (LegalDetails.Contact c : details.contacts()) {
            jdbc.update("insert into account_contact (account_code, position, name, role, phone, email) values (?, ?, ?, ?, ?, ?)",
                    code, position++, c.name(), c.role(), c.phone(), c.email());
        }
    }

    private static LegalDetails.Address address(String postalCode, String address) {
        return postalCode == null && address == null ? null : new LegalDetails.Address(postalCode, address);
    }
}
