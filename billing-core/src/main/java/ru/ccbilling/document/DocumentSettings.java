package ru.ccbilling.document;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Which documents each client asks for: an act and a VAT invoice (the default), or one UPD with status 1. */
@Service
public class DocumentSettings {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    DocumentSettings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Statement.DocumentKind kindFor(String account) {
        return jdbc.queryForList("select documents from client_document_setting where account_code = ?", String.class,
                        account).stream().findFirst().map(Statement.DocumentKind::valueOf)
                .orElse(Statement.DocumentKind.VAT_INVOICE_AND_ACT);
    }

    public void set(String account, Statement.DocumentKind kind) {
        jdbc.update("""
                insert into client_document_setting (account_code, documents, updated_at) values (?, ?, ?)
                on conflict (account_code) do update set documents = excluded.documents, updated_at = excluded.updated_at
                """, account, kind.name(), OffsetDateTime.now(clock));
    }
}
