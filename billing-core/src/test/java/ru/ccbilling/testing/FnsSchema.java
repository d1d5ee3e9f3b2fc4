package ru.ccbilling.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.xml.sax.SAXException;

/**
 * The XSD of the UPD format 5.03 (test resource {@code edo/ON_NSCHFDOPPR_5_03.xsd}, a copy of
 * {@code shared/reference/edo}), for the tests of this module and of the application.
 */
public final class FnsSchema {

    private static final String TWENTY = "<xs:enumeration value=\"20%\"/>";

    private FnsSchema() { }

    /** the schema as the operator distributes it */
    public static Schema published() {
        return schema(new StreamSource(xsd()));
    }

    /**
     * The distributed schema lists the rates of before 2026 (20%, 20/120, 10%, …) but not 22%, the rate of VAT from
     * 2026-01-01. The ФНС extends the enumeration of НалСт for it; until the updated schema is in
     * {@code shared/reference/edo}, the tests add exactly these two values and change nothing else.
     */
    public static Schema with22Percent() {
        try (InputStream in = xsd()) {
            String text = new String(in.readAllBytes(), Charset.forName("windows-1251"));
            if (!text.contains(TWENTY)) {
                throw new IllegalStateException("the schema has no 20% rate to put 22% beside");
            }
            return schema(new StreamSource(new StringReader(text.replace(TWENTY,
                    TWENTY + "<xs:enumeration value=\"22%\"/><xs:enumeration value=\"22/122\"/>"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void validate(Schema schema, byte[] xml) throws IOException, SAXException {
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    private static InputStream xsd() {
        return FnsSchema.class.getResourceAsStream("/edo/ON_NSCHFDOPPR_5_03.xsd");
    }

    private static Schema schema(StreamSource source) {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(source);
        } catch (SAXException e) {
            throw new IllegalStateException("the XSD does not load", e);
        }
    }
}
