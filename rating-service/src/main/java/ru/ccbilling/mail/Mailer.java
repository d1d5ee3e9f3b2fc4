package ru.ccbilling.mail;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * E-mail to people, over SMTP as {@code spring.mail.*} configures it. Without {@code spring.mail.host} Spring Boot
 * makes no mail sender, and then nothing is sent ({@link #enabled()} is false): notifications wait unsent.
 * {@code ccbilling.mail.from}: the sender; {@code ccbilling.mail.base-url}: where links in the letters point.
 */
@Component
public class Mailer {

    private static final Logger log = LoggerFactory.getLogger(Mailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final String from;
    private final String baseUrl;

    Mailer(ObjectProvider<JavaMailSender> sender, @Value("${ccbilling.mail.from:billing@localhost}") String from,
           @Value("${ccbilling.mail.base-url:http://localhost:8080}") String baseUrl) {
        this.sender = sender;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    /** the absolute address of a path of the platform, for a link in a letter */
    public String url(String path) {
        return baseUrl + path;
    }

    /** true when the letter went to the SMTP server; false when mail is off or the server refused (logged) */
    public boolean send(String to, String subject, String text) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to);
        message.setSubject(subject);
        message.setText(text);
        try {
            mail.send(message);
            return true;
        } catch (MailException e) {
            log.warn("Mail to {} ({}) not sent: {}", to, subject, e.getMessage());
            return false;
        }
    }

    /** the same with a file attached (a report's XLSX) */
    public boolean send(String to, String subject, String text, String fileName, byte[] file, String contentType) {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return false;
        }
        try {
            jakarta.mail.internet.MimeMessage message = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(from);
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text);
            helper.addAttachment(fileName, new org.springframework.core.io.ByteArrayResource(file), contentType);
            mail.send(message);
            return true;
        } catch (MailException | jakarta.mail.MessagingException e) {
            log.warn("Mail to {} ({}) not sent: {}", to, subject, e.getMessage());
            return false;
        }
    }
}
