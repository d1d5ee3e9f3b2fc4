package ru.ccbilling.security.web;

import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.UsersApi;
import ru.ccbilling.api.model.NewPlatformUser;
import ru.ccbilling.api.model.PasswordIssued;
import ru.ccbilling.api.model.PasswordReset;
import ru.ccbilling.api.model.PlatformUser;
import ru.ccbilling.api.model.PlatformUserChange;
import ru.ccbilling.security.SignInThrottle;
import ru.ccbilling.security.UserAdministration;
import ru.ccbilling.security.UserState;

@RestController
class UserController implements UsersApi {

    private final UserAdministration administration;
    private final SignInThrottle throttle;

    UserController(UserAdministration administration, SignInThrottle throttle) {
        this.administration = administration;
        this.throttle = throttle;
    }

    @Override
    public ResponseEntity<List<PlatformUser>> listUsers() {
        return ResponseEntity.ok(administration.all().stream().map(this::view).toList());
    }

    @Override
    public ResponseEntity<PlatformUser> getUser(String username) {
        return ResponseEntity.ok(view(administration.get(username)));
    }

    @Override
    public ResponseEntity<PasswordIssued> createUser(NewPlatformUser user) {
        var issued = administration.create(user.getUsername(), user.getPassword(), user.getRoles(),
                user.getEnabled() == null || user.getEnabled(), user.getClient(), user.getEmail());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(issued));
    }

    @Override
    public ResponseEntity<PlatformUser> changeUser(String username, PlatformUserChange change) {
        return ResponseEntity.ok(view(administration.change(username, change.getRoles(), change.getEnabled(),
                change.getClient())));
    }

    @Override
    public ResponseEntity<PasswordIssued> resetPassword(String username, PasswordReset reset) {
        return ResponseEntity.ok(view(administration.resetPassword(username, reset == null ? null : reset.getPassword())));
    }

    private PasswordIssued view(UserAdministration.Issued issued) {
        return new PasswordIssued(view(issued.user())).temporaryPassword(issued.temporary().orElse(null));
    }

    static PlatformUser view(UserState user, SignInThrottle throttle) {
        return new PlatformUser(user.username(), user.roles().stream().map(Enum::name).sorted().toList(), user.enabled(),
                user.mustChangePassword(), throttle.userLocked(user.username()).isPresent())
                .createdAt(user.createdAt().atOffset(ZoneOffset.UTC)).client(user.client()).email(user.email());
    }

    private PlatformUser view(UserState user) {
        return view(user, throttle);
    }
}
