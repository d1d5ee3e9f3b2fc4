package ru.ccbilling.document.edo;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import ru.ccbilling.clock.ClockConfiguration;
import ru.ccbilling.document.DocumentContent;
import ru.ccbilling.document.DocumentType;
import ru.ccbilling.document.Statement;
import ru.ccbilling.document.TaxedLines;
import ru.ccbilling.money.Money;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.vat.VatRates;

/**
 * The VAT invoice (function СЧФ) and the UPD status 1 (СЧФДОП) in the ФНС format 5.03 (КНД 1115131), from the same
 * {@link DocumentContent} the printed forms are made from. Dates dd.MM.yyyy, amounts with two decimals, the rate as
 * the form prints it ("22%"); encoded in windows-1251 ({@link Cp1251}).
 */
public final class UpdXml {

    public static final String FORMAT_VERSION = "5.03";
    public static final String KND = "1115131";
    static final String PROGRAM = "ccbilling 1.0";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH.mm.ss");
    /** "№ 15/26 от 10.01.2026": the contract as statements write it */
    private static final Pattern CONTRACT = Pattern.compile("№\\s*(\\S.*?)\\s+от\\s+(\\d{2}\\.\\d{2}\\.\\d{4})\\s*");
    private static final String SHIPMENT = "Документ об отгрузке товаров (выполнении работ), передаче имущественных прав"
            + " (документ об оказании услуг)";

    private UpdXml() { }

    /** whether a document of this type has an electronic form here */
    public static boolean covers(DocumentType type) {
        return type == DocumentType.VAT_INVOICE || type == DocumentType.UPD;
    }

    /**
     * @param guid   the file's GUID: the issued document's id, so the same document always has the same file
     * @param formed when the file was formed: the document's issue, so the file is the same whenever it is rendered
     */
    public static EdoFile render(UUID guid, OffsetDateTime formed, DocumentContent c) {
        if (!covers(c.type())) {
            throw new IllegalArgumentException("no electronic form for " + c.type());
        }
        Statement s = c.statement();
        ZonedDateTime at = formed.atZoneSameInstant(ClockConfiguration.BUSINESS_ZONE);
        String id = EdoFileNames.of(s.client(), s.seller(), at.toLocalDate(), guid);
        TaxedLines taxed = c.taxed();
        for (TaxedLines.Line l : taxed.lines()) {
            if (l.line().net().amount().signum() < 0 || l.line().price().signum() < 0) {
                // the format has no negative amounts on a line; a discount must lower the lines it applies to
                throw Refusal.unprocessable("document.edo.negativeLine", c.number(), l.no(), l.line().name());
            }
        }
        StringWriter text = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(text);
            x.writeStartDocument(Cp1251.NAME, "1.0");
            x.writeStartElement("Файл");
            x.writeAttribute("ИдФайл", id);
            x.writeAttribute("ВерсФорм", FORMAT_VERSION);
            x.writeAttribute("ВерсПрог", PROGRAM);
            document(x, c, at, taxed);
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the XML of " + c.type() + " " + c.number(), e);
        }
        return new EdoFile(id, Cp1251.encode(text.toString()));
    }

    private static void document(XMLStreamWriter x, DocumentContent c, ZonedDateTime at, TaxedLines taxed) throws XMLStreamException {
        Statement s = c.statement();
        boolean upd = c.type() == DocumentType.UPD;
        x.writeStartElement("Документ");
        x.writeAttribute("КНД", KND);
        x.writeAttribute("Функция", upd ? "СЧФДОП" : "СЧФ");
        if (upd) {
            // both are for the transfer part: the format forbids them with function СЧФ
            x.writeAttribute("ПоФактХЖ", SHIPMENT);
            x.writeAttribute("НаимДокОпр", "Счет-фактура и " + Character.toLowerCase(SHIPMENT.charAt(0)) + SHIPMENT.substring(1));
        }
        x.writeAttribute("ДатаИнфПр", at.format(DATE));
        x.writeAttribute("ВремИнфПр", at.format(TIME));
        x.writeAttribute("НаимЭконСубСост", s.seller().name() + ", ИНН/КПП " + innKpp(s.seller().inn(), s.seller().kpp()));
        invoice(x, c);
        table(x, taxed);
        if (upd) {
            transfer(x, s);
        }
        signer(x, s.seller());
        x.writeEndElement();
    }

    /** СвСчФакт: rows 1–8 of the VAT invoice */
    private static void invoice(XMLStreamWriter x, DocumentContent c) throws XMLStreamException {
        Statement s = c.statement();
        x.writeStartElement("СвСчФакт");
        x.writeAttribute("НомерДок", c.number());
        x.writeAttribute("ДатаДок", c.date().format(DATE));
        party(x, "СвПрод", s.seller().name(), s.seller().inn(), s.seller().kpp(), s.seller().address());
        int n = s.lines().size();
        if (c.type() == DocumentType.UPD) {
            shipmentDocument(x, "Универсальный передаточный документ", "п/п 1-" + n + " № " + c.number(), c.date());
        } else if (c.basis() != null) {
            shipmentDocument(x, "Акт об оказании услуг", "п/п 1-" + n + " № " + c.basis().number(), c.basis().date());
        }
        party(x, "СвПокуп", s.client().name(), s.client().inn(), s.client().kpp(), s.client().legalAddress());
        x.writeEmptyElement("ДенИзм");
        x.writeAttribute("КодОКВ", "643");
        x.writeAttribute("НаимОКВ", "Российский рубль");
        x.writeEndElement();
    }

    private static void shipmentDocument(XMLStreamWriter x, String name, String number, LocalDate date) throws XMLStreamException {
        x.writeEmptyElement("ДокПодтвОтгрНом");
        x.writeAttribute("РеквНаимДок", name);
        x.writeAttribute("РеквНомерДок", number);
        x.writeAttribute("РеквДатаДок", date.format(DATE));
    }

    /** a legal entity registered in Russia (СвЮЛУч) with its address as one text (АдрИнф, country 643) */
    private static void party(XMLStreamWriter x, String element, String name, String inn, String kpp, String address)
            throws XMLStreamException {
        x.writeStartElement(element);
        x.writeStartElement("ИдСв");
        if (inn.trim().length() == 12) {
            // a 12-digit INN is a person's: an individual entrepreneur, named by surname, name and patronymic
            x.writeStartElement("СвИП");
            x.writeAttribute("ИННФЛ", inn.trim());
            fullName(x, entrepreneur(name));
            x.writeEndElement();
        } else {
            x.writeEmptyElement("СвЮЛУч");
            x.writeAttribute("НаимОрг", name);
            x.writeAttribute("ИННЮЛ", inn.trim());
            if (kpp != null && !kpp.isBlank()) {
                x.writeAttribute("КПП", kpp.trim());
            }
        }
        x.writeEndElement();
        if (address != null && !address.isBlank()) {
            x.writeStartElement("Адрес");
            x.writeEmptyElement("АдрИнф");
            x.writeAttribute("КодСтр", "643");
            x.writeAttribute("НаимСтран", "Россия");
            x.writeAttribute("АдрТекст", address);
            x.writeEndElement();
        }
        x.writeEndElement();
    }

    /** ТаблСчФакт: columns 1–9 per line (services: no excise, no country, no traceability) and the totals row */
    private static void table(XMLStreamWriter x, TaxedLines taxed) throws XMLStreamException {
        String rate = VatRates.percent(taxed.rate());
        x.writeStartElement("ТаблСчФакт");
        for (TaxedLines.Line l : taxed.lines()) {
            Statement.Line line = l.line();
            x.writeStartElement("СведТов");
            x.writeAttribute("НомСтр", Integer.toString(l.no()));
            x.writeAttribute("НаимТов", line.name());
            x.writeAttribute("ОКЕИ_Тов", line.unitCode());
            x.writeAttribute("НаимЕдИзм", line.unitName());
            x.writeAttribute("КолТов", quantity(line.quantity()));
            x.writeAttribute("ЦенаТов", price(line.price()));
            x.writeAttribute("СтТовБезНДС", money(line.net()));
            x.writeAttribute("НалСт", rate);
            x.writeAttribute("СтТовУчНал", money(l.gross()));
            x.writeEmptyElement("ДопСведТов");
            x.writeAttribute("ПрТовРаб", "3"); // 3: a service
            x.writeStartElement("Акциз");
            element(x, "БезАкциз", "без акциза");
            x.writeEndElement();
            x.writeStartElement("СумНал");
            element(x, "СумНал", money(l.vat()));
            x.writeEndElement();
            x.writeEndElement();
        }
        x.writeStartElement("ВсегоОпл");
        x.writeAttribute("СтТовБезНДСВсего", money(taxed.net()));
        x.writeAttribute("СтТовУчНалВсего", money(taxed.gross()));
        x.writeStartElement("СумНалВсего");
        element(x, "СумНал", money(taxed.vat()));
        x.writeEndElement();
        x.writeEndElement();
        x.writeEndElement();
    }

    /** СвПродПер: the transfer part of the UPD, rows [8]–[12]: the services rendered on the shipment date under the contract */
    private static void transfer(XMLStreamWriter x, Statement s) throws XMLStreamException {
        x.writeStartElement("СвПродПер");
        x.writeStartElement("СвПер");
        x.writeAttribute("СодОпер", "Услуги оказаны в полном объеме");
        x.writeAttribute("ДатаПер", s.shipmentDate().format(DATE));
        Matcher contract = s.contract() == null ? null : CONTRACT.matcher(s.contract());
        if (contract != null && contract.matches()) {
            x.writeEmptyElement("ОснПер");
            x.writeAttribute("РеквНаимДок", "Договор");
            x.writeAttribute("РеквНомерДок", contract.group(1));
            x.writeAttribute("РеквДатаДок", contract.group(2));
        } else {
            element(x, "БезДокОснПер", "1");
        }
        x.writeEndElement();
        x.writeEndElement();
    }

    /** Подписант: the seller's head, who signs with a qualified electronic signature (type 1, authority from it: 1) */
    private static void signer(XMLStreamWriter x, Statement.Seller seller) throws XMLStreamException {
        x.writeStartElement("Подписант");
        x.writeAttribute("Должн", "Генеральный директор");
        x.writeAttribute("ТипПодпис", "1");
        x.writeAttribute("СпосПодтПолном", "1");
        String[] name = seller.head() == null ? new String[0] : seller.head().trim().split("\\s+");
        fullName(x, name.length >= 2 ? name : new String[] {name.length == 1 ? name[0] : "-", "-"});
        x.writeEndElement();
    }

    /** ФИО from words: surname, name, and the rest as the patronymic */
    private static void fullName(XMLStreamWriter x, String[] words) throws XMLStreamException {
        x.writeEmptyElement("ФИО");
        x.writeAttribute("Фамилия", words[0]);
        x.writeAttribute("Имя", words[1]);
        if (words.length > 2) {
            x.writeAttribute("Отчество", String.join(" ", java.util.Arrays.copyOfRange(words, 2, words.length)));
        }
    }

    /** "ИП Иванов Иван Иванович" -> its words without the "ИП" and quotes; refused when no surname and name are left */
    private static String[] entrepreneur(String name) {
        String bare = name.replaceFirst("^\\s*(ИП|Индивидуальный предприниматель)\\s+", "").replaceAll("[«»\"]", " ").trim();
        String[] words = bare.isEmpty() ? new String[0] : bare.split("\\s+");
        if (words.length < 2) {
            throw Refusal.unprocessable("document.edo.entrepreneurName", name);
        }
        return words;
    }

    private static void element(XMLStreamWriter x, String name, String text) throws XMLStreamException {
        x.writeStartElement(name);
        x.writeCharacters(text);
        x.writeEndElement();
    }

    private static String money(Money m) {
        return m.amount().setScale(2).toPlainString();
    }

    /** a price keeps its own decimals, and at least two */
    private static String price(BigDecimal p) {
        BigDecimal stripped = p.stripTrailingZeros();
        return (stripped.scale() < 2 ? p.setScale(2) : stripped).toPlainString();
    }

    private static String quantity(BigDecimal q) {
        BigDecimal stripped = q.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static String innKpp(String inn, String kpp) {
        return inn + (kpp == null || kpp.isBlank() ? "" : "/" + kpp);
    }
}
