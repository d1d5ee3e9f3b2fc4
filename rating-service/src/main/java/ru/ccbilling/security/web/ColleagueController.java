package ru.ccbilling.security.web;

import java.time.ZoneOffset;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

import ru.ccbilling.api.ColleaguesApi;
import ru.ccbilling.api.model.ColleagueChange;
import ru.ccbilling.api.model.InvitationIssued;
import ru.ccbilling.api.model.NewInvitation;
import ru.ccbilling.api.model.PlatformUser;
import ru.ccbilling.security.ClientUsers;
import ru.ccbilling.security.InvitationMail;
import ru.ccbilling.security.SignInThrottle;
import ru.ccbilling.web.CurrentUser;

/** A client's administrator and the people of the client (CLIENT_ADMIN; scoped to the signed-in user's client). */
@RestController
class ColleagueController implements ColleaguesApi {

    private final ClientUsers clientUsers;
    private final InvitationMail mail;
    private final SignInThrottle throttle;

    ColleagueController(ClientUsers clientUsers, InvitationMail mail, SignInThrottle throttle) {
        this.clientUsers = clientUsers;
        this.mail = mail;
        this.throttle = throttle;
    }

    @Override
    public ResponseEntity<List<PlatformUser>> listColleagues() {
        return ResponseEntity.ok(clientUsers.colleagues(CurrentUser.name()).stream()
                .map(u -> UserController.view(u, throttle)).toList());
    }

    @Override
    public ResponseEntity<PlatformUser> changeColleague(String username, ColleagueChange change) {
        return ResponseEntity.ok(UserController.view(
                clientUsers.setEnabled(CurrentUser.name(), username, change.getEnabled()), throttle));
    }

    @Override
    public ResponseEntity<InvitationIssued> inviteColleague(NewInvitation invitation) {
        ClientUsers.Invited invited = clientUsers.invite(CurrentUser.name(), invitation.getEmail(), invitation.getRole());
        String link = InvitationMail.link(invited.token());
        boolean mailed = mail.send(invited);
        return ResponseEntity.status(HttpStatus.CREATED).body(new InvitationIssued(invited.email(), invited.role().name(),
                invited.expiresAt().atOffset(ZoneOffset.UTC), link).mailed(mailed));
    }
}
