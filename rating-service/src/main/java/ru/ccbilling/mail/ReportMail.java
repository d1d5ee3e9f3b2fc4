package ru.ccbilling.mail;

import org.springframework.stereotype.Component;

import ru.ccbilling.report.ReportLetters;

/** The monthly letters of saved reports (billing's {@code report.MonthlyReports}) go through the platform's mail. */
@Component
class ReportMail implements ReportLetters {

    private final Mailer mailer;

    ReportMail(Mailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public boolean send(String to, String subject, String text, String fileName, byte[] file) {
        return mailer.send(to, subject, text, fileName, file,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }
}
