package ru.ccbilling.document.web;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.account.AccountDirectory;
import ru.ccbilling.api.DocumentSettingsApi;
import ru.ccbilling.api.model.DocumentSettings;
import ru.ccbilling.document.Statement;
import ru.ccbilling.refusal.Refusal;

@RestController
class DocumentSettingsController implements DocumentSettingsApi {

    private final ru.ccbilling.document.DocumentSettings settings;
    private final AccountDirectory accounts;

    DocumentSettingsController(ru.ccbilling.document.DocumentSettings settings, AccountDirectory accounts) {
        this.settings = settings;
        this.accounts = accounts;
    }

    @Override
    public ResponseEntity<DocumentSettings> getDocumentSettings(String account) {
        requireAccount(account);
        return ResponseEntity.ok(new DocumentSettings(
                DocumentSettings.DocumentsEnum.fromValue(settings.kindFor(account).name())));
    }

    @Override
    public ResponseEntity<DocumentSettings> putDocumentSettings(String account, DocumentSettings body) {
        requireAccount(account);
        settings.set(account, Statement.DocumentKind.valueOf(body.getDocuments().getValue()));
        return ResponseEntity.ok(body);
    }

    private void requireAccount(String account) {
        if (accounts.find(account).isEmpty()) {
            throw Refusal.notFound("account.unknown", account);
        }
    }
}
