package ru.ccbilling.document;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Our legal entities (table {@code seller}), for implementations of {@link StatementSource} and the numbering API. */
@Service
public class Sellers {

    /** the legal entity of the demo data and the default where only one exists */
    public static final String DEFAULT = "CCB";

    private final JdbcTemplate jdbc;

    Sellers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Statement.Seller> find(String code) {
        return jdbc.query("select * from seller where code = ?", (rs, i) -> new Statement.Seller(rs.getString("code"),
                rs.getString("name"), rs.getString("inn"), rs.getString("kpp"), rs.getString("address"), rs.getString("head"),
                rs.getString("chief_accountant"), new Statement.Bank(rs.getString("bank_name"), rs.getString("bik"),
                        rs.getString("correspondent_account"), rs.getString("settlement_account")), rs.getString("phone")),
                code).stream().findFirst();
    }

    public List<String> codes() {
        return jdbc.queryForList("select code from seller order by code", String.class);
    }
}
