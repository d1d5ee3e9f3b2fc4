package ru.ccbilling.security.web;

import java.time.ZoneOffset;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.InvitationsApi;
import ru.ccbilling.api.model.InvitationAcceptance;
import ru.ccbilling.api.model.InvitationInfo;
import ru.ccbilling.api.model.PlatformUser;
import ru.ccbilling.security.ClientUsers;
import ru.ccbilling.security.SignInThrottle;

/** Public: the invited person sees whom the invitation is for and accepts it with a username and a password. */
@RestController
class InvitationController implements InvitationsApi {

    private final ClientUsers clientUsers;
    private final SignInThrottle throttle;

    InvitationController(ClientUsers clientUsers, SignInThrottle throttle) {
        this.clientUsers = clientUsers;
        this.throttle = throttle;
    }

    @Override
    public ResponseEntity<InvitationInfo> getInvitation(String token) {
        ClientUsers.Invitation invitation = clientUsers.invitation(token);
        return ResponseEntity.ok(new InvitationInfo(invitation.email(), invitation.role().name(),
                invitation.clientName(), invitation.expiresAt().atOffset(ZoneOffset.UTC)));
    }

    @Override
    public ResponseEntity<PlatformUser> acceptInvitation(String token, InvitationAcceptance acceptance) {
        return ResponseEntity.status(HttpStatus.CREATED).body(UserController.view(
                clientUsers.accept(token, acceptance.getUsername(), acceptance.getPassword()), throttle));
    }
}
