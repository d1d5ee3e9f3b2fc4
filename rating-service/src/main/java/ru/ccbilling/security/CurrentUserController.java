package ru.ccbilling.security;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.SessionApi;
import ru.ccbilling.api.model.CurrentUser;

@RestController
class CurrentUserController implements SessionApi {

    @Override
    public ResponseEntity<CurrentUser> currentUser() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return ResponseEntity.ok(new CurrentUser(auth.getName(), auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).map(a -> a.replaceFirst("^ROLE_", "")).sorted().toList()));
    }
}
