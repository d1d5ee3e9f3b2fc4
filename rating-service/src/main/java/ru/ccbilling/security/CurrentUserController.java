package ru.ccbilling.security;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import ru.ccbilling.api.SessionApi;
import ru.ccbilling.api.model.CurrentUser;
import ru.ccbilling.api.model.PasswordChange;
import ru.ccbilling.refusal.Refusal;

@RestController
class CurrentUserController implements SessionApi {

    private final UserAdministration administration;
    private final SignInThrottle throttle;
    private final HttpServletRequest request;
    private final Abilities abilities;

    CurrentUserController(UserAdministration administration, SignInThrottle throttle, HttpServletRequest request,
                          Abilities abilities) {
        this.administration = administration;
        this.throttle = throttle;
        this.request = request;
        this.abilities = abilities;
    }

    @Override
    public ResponseEntity<CurrentUser> currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        CurrentUser user = new CurrentUser(auth.getName(), auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).map(a -> a.replaceFirst("^ROLE_", "")).sorted().toList());
        if (auth.getPrincipal() instanceof Person person) {
            user.setMustChangePassword(person.mustChangePassword());
        }
        user.setAbilities(abilities.of(auth));
        return ResponseEntity.ok(user);
    }

    /** a wrong current password counts as a failed sign-in: a left-open session must not become a guessing machine */
    @Override
    public ResponseEntity<Void> changeMyPassword(PasswordChange change) {
        String username = SecurityContextHolder.getContext().getAuthentication().getName();
        if (!administration.changeOwnPassword(username, change.getCurrentPassword(), change.getNewPassword())) {
            throttle.failed(username, request.getRemoteAddr());
            throw Refusal.invalid("currentPassword", "password.currentWrong");
        }
        return ResponseEntity.noContent().build();
    }
}
