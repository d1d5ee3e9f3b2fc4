package ru.ccbilling.document.edo;

/**
 * An electronic document as it is sent: the file name of the format (without ".xml", it is also the {@code ИдФайл}
 * inside) and the bytes, encoded as the format requires (windows-1251).
 */
public record EdoFile(String id, byte[] content) {

    /** the file name, {@code <ИдФайл>.xml} */
    public String fileName() {
        return id + ".xml";
    }
}
