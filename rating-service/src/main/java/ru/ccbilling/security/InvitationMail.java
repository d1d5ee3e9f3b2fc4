package ru.ccbilling.security;

import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

import ru.ccbilling.mail.Mailer;

/** The letter of an invitation: who invites to which client's cabinet, the link, until when it is valid. */
@Component
public class InvitationMail {

    private static final DateTimeFormatter UNTIL = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm")
            .withZone(ru.ccbilling.clock.ClockConfiguration.BUSINESS_ZONE);

    private final Mailer mailer;

    InvitationMail(Mailer mailer) {
        this.mailer = mailer;
    }

    /** the path of the invitation page for this token */
    public static String link(String token) {
        return "/invitation?token=" + token;
    }

    /** false when mail is not configured (the inviter passes the link on) or the server refused */
    public boolean send(ClientUsers.Invited invited) {
        return mailer.send(invited.email(), "Приглашение в личный кабинет",
                """
                Здравствуйте!

                Вас пригласили в личный кабинет клиента (лицевой счёт %s) платформы тарификации колл-центра.
                Чтобы зарегистрироваться, откройте ссылку и задайте имя пользователя и пароль:

                %s

                Ссылка действует до %s (по московскому времени) и только один раз.
                """.formatted(invited.client(), mailer.url(link(invited.token())), UNTIL.format(invited.expiresAt())));
    }
}
