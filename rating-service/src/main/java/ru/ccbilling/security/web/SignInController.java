package ru.ccbilling.security.web;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.SignInsApi;
import ru.ccbilling.api.model.SignIn;
import ru.ccbilling.api.model.SignInOutcome;
import ru.ccbilling.security.SignInRecord;
import ru.ccbilling.security.SignIns;

@RestController
class SignInController implements SignInsApi {

    private final SignIns signIns;

    SignInController(SignIns signIns) {
        this.signIns = signIns;
    }

    @Override
    public ResponseEntity<List<SignIn>> listSignIns(String username, SignInOutcome outcome, Integer limit) {
        var records = signIns.latest(username, outcome == null ? null : SignInRecord.Outcome.valueOf(outcome.getValue()),
                limit == null ? 200 : limit);
        return ResponseEntity.ok(records.stream().map(SignInController::view).toList());
    }

    private static SignIn view(SignInRecord record) {
        return new SignIn(ApiKeyController.at(record.at()), SignIn.MethodEnum.fromValue(record.method().name()),
                SignInOutcome.fromValue(record.outcome().name()))
                .username(record.username()).apiKey(record.apiKey()).address(record.address());
    }
}
