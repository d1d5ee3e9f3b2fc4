package ru.ccbilling.report;

/**
 * Sends a report's letter with its file attached; implemented by the application, which owns the mail server.
 * False when mail is off or the server refused.
 */
public interface ReportLetters {

    boolean send(String to, String subject, String text, String fileName, byte[] file);
}
