package ru.ccbilling.security.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.ApiKeysApi;
import ru.ccbilling.api.model.ApiKeyInfo;
import ru.ccbilling.api.model.CreatedApiKey;
import ru.ccbilling.api.model.NewApiKey;
import ru.ccbilling.security.ApiKeyState;
import ru.ccbilling.security.ApiKeys;

@RestController
class ApiKeyController implements ApiKeysApi {

    private final ApiKeys keys;

    ApiKeyController(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public ResponseEntity<List<ApiKeyInfo>> listApiKeys() {
        return ResponseEntity.ok(keys.all().stream().map(ApiKeyController::view).toList());
    }

    @Override
    public ResponseEntity<CreatedApiKey> createApiKey(NewApiKey key) {
        ApiKeys.Created created = keys.create(key.getName(), key.getRoles(), key.getSources());
        return ResponseEntity.status(HttpStatus.CREATED).body(new CreatedApiKey(view(created.key()), created.secret()));
    }

    @Override
    public ResponseEntity<ApiKeyInfo> revokeApiKey(String name) {
        return ResponseEntity.ok(view(keys.revoke(name)));
    }

    private static ApiKeyInfo view(ApiKeyState key) {
        return new ApiKeyInfo(key.name(), key.roles().stream().map(Enum::name).sorted().toList(),
                key.sources().stream().sorted().toList())
                .hint(key.hint()).createdAt(at(key.createdAt())).lastUsedAt(at(key.lastUsedAt()))
                .revokedAt(at(key.revokedAt()));
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
