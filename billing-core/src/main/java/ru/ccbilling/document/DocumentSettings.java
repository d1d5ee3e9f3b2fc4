package ru.ccbilling.document;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Which documents each client asks for: an act and a VAT invoice (the default), or one UPD with status 1. */
@Service
public class DocumentSettings {

    private final JdbcTemplate jdbc;

    DocumentSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Statement.DocumentKind kindFor(String account) {
        return jdbc.queryForList("select documents from client_document_setting where account_code = ?", String.class,
                        account).stream().findFirst().map(Statement.DocumentKind::valueOf)
                .orElse(Statement.DocumentKind.VAT_INVOICE_AND_ACT);
    }

    public void set(String account, Statement.DocumentKind kind) {
        jdbc.update("""
                insert into client_document_setting (account_code, documents) values (?, ?)
                on conflict (account_code) do update set documents = excluded.documents, updated_at = now()
                """, account, kind.name());
    }
}
