package ru.ccbilling.document.edo;

import java.time.OffsetDateTime;

/**
 * Sends an electronic document to the client through an ЭДО operator. Implementations: {@link FileDropConnector}
 * (files into a directory an operator's client program watches); the operators' own APIs come later.
 */
public interface EdoConnector {

    Receipt send(EdoFile file);

    /**
     * What the operator answered.
     *
     * @param fileId     the file's ИдФайл
     * @param operatorId the operator's id of the message (for a file drop, where the file lies)
     * @param sentAt     when it was handed over
     */
    record Receipt(String fileId, String operatorId, OffsetDateTime sentAt) { }
}
