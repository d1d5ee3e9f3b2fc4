package ru.ccbilling.document.edo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.validation.Schema;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

import ru.ccbilling.document.DocumentContent;
import ru.ccbilling.document.DocumentType;
import ru.ccbilling.document.Statement;
import ru.ccbilling.document.Statement.Line;
import ru.ccbilling.document.Statement.Service;
import ru.ccbilling.document.TaxedLines;
import ru.ccbilling.money.Money;
import ru.ccbilling.refusal.Catalogue;
import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.testing.FnsSchema;
import ru.ccbilling.testing.SampleStatements;

/**
 * VAT invoices (СЧФ) and UPDs (СЧФДОП) of the sample statements as files of the ФНС format 5.03, validated against
 * its XSD ({@link FnsSchema}).
 */
class UpdXmlTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final BigDecimal RATE_22 = new BigDecimal("0.22");
    private static final UUID GUID = UUID.fromString("3f2b8c1e-5a47-4d6b-9e0f-1c2d3e4f5a6b");
    /** issued at 10:15:30 Moscow time on 5 April */
    private static final OffsetDateTime ISSUED = OffsetDateTime.of(2026, 4, 5, 7, 15, 30, 0, ZoneOffset.UTC);

    private static Schema published() {
        return FnsSchema.published();
    }

    private static Schema with22Percent() {
        return FnsSchema.with22Percent();
    }

    private static void validate(Schema schema, EdoFile file) throws IOException, SAXException {
        FnsSchema.validate(schema, file.content());
    }

    /** the services of issue 15 (tariff sheet 7) as lines of a statement, as billing prints them */
    static Statement withServices(YearMonth month) {
        List<Line> lines = List.of(
                line(Service.VIRTUAL_OFFICE, "Виртуальный офис: входящие вызовы", "355", "мин", "100", "0.40", "40.00"),
                line(Service.VIRTUAL_OFFICE, "Виртуальный офис: переадресация вызовов на внешние номера", "355", "мин", "10", "1.90", "19.00"),
                line(Service.CONFERENCES, "Аудиоконференции", "355", "мин", "50", "1.20", "60.00"),
                line(Service.SURVEYS, "Телефонные опросы: заполненные анкеты", "796", "шт", "4", "15.00", "60.00"),
                line(Service.SURVEYS, "Телефонные опросы: маркировка исходящих вызовов", "796", "шт", "10", "0.48", "4.80"),
                line(Service.INFORMING, "Автоматическое информирование: вызовы", "796", "шт", "100", "0.15", "15.00"),
                line(Service.MONTHLY_FEE, "Аренда номера виртуального офиса 74951230000 (3 канала)", "362", "мес", "0.516", "1400.00", "722.58"),
                line(Service.MONTHLY_FEE, "Аренда номера 8-800 78005553535", "362", "мес", "1", "1500.00", "1500.00"));
        Statement vector = SampleStatements.vector(month);
        return new Statement(vector.account(), month, null, vector.seller(), vector.client(), vector.contract(), lines);
    }

    private static Line line(Service service, String name, String okei, String unit, String quantity, String price, String net) {
        return new Line(service, name, okei, unit, new BigDecimal(quantity), new BigDecimal(price), Money.of(net));
    }

    private static DocumentContent vatInvoice(Statement s, BigDecimal rate) {
        LocalDate date = s.month().atEndOfMonth();
        return new DocumentContent(DocumentType.VAT_INVOICE, "2026-000042", date, rate, s,
                new DocumentContent.Reference("2026-000041", date), null);
    }

    private static DocumentContent upd(Statement s, BigDecimal rate) {
        return new DocumentContent(DocumentType.UPD, "2026-000043", s.month().atEndOfMonth(), rate, s, null, null);
    }

    private static Document dom(EdoFile file) throws Exception {
        return DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(new ByteArrayInputStream(file.content()));
    }

    private static List<Element> all(Document d, String name) {
        NodeList nodes = d.getElementsByTagName(name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element one(Document d, String name) {
        List<Element> found = all(d, name);
        assertThat(found).as(name).hasSize(1);
        return found.get(0);
    }

    @Test
    void theVatInvoiceOfASampleStatementIsAValidFileOfFunctionSchf() throws Exception {
        EdoFile file = UpdXml.render(GUID, ISSUED, vatInvoice(SampleStatements.vector(MARCH), RATE_22));
        validate(with22Percent(), file);
        Document d = dom(file);
        Element document = one(d, "Документ");
        assertThat(document.getAttribute("КНД")).isEqualTo("1115131");
        assertThat(document.getAttribute("Функция")).isEqualTo("СЧФ");
        assertThat(document.hasAttribute("ПоФактХЖ")).as("not for СЧФ").isFalse();
        assertThat(one(d, "Файл").getAttribute("ВерсФорм")).isEqualTo("5.03");
        assertThat(one(d, "ДокПодтвОтгрНом").getAttribute("РеквНаимДок")).isEqualTo("Акт об оказании услуг");
        assertThat(one(d, "ДокПодтвОтгрНом").getAttribute("РеквНомерДок")).isEqualTo("п/п 1-5 № 2026-000041");
        assertThat(all(d, "СвПродПер")).isEmpty();
    }

    @Test
    void theUpdOfAStatementWithTheNewServicesIsAValidFileOfFunctionSchfdop() throws Exception {
        EdoFile file = UpdXml.render(GUID, ISSUED, upd(withServices(MARCH), RATE_22));
        validate(with22Percent(), file);
        Document d = dom(file);
        assertThat(one(d, "Документ").getAttribute("Функция")).isEqualTo("СЧФДОП");
        assertThat(all(d, "СведТов")).extracting(e -> e.getAttribute("НаимТов")).contains("Виртуальный офис: входящие вызовы",
                "Аудиоконференции", "Телефонные опросы: заполненные анкеты", "Автоматическое информирование: вызовы",
                "Аренда номера виртуального офиса 74951230000 (3 канала)");
        assertThat(all(d, "СведТов")).extracting(e -> e.getAttribute("ОКЕИ_Тов")).containsOnly("355", "796", "362");
        Element transfer = one(d, "СвПер");
        assertThat(transfer.getAttribute("ДатаПер")).isEqualTo("31.03.2026");
        Element basis = one(d, "ОснПер");
        assertThat(basis.getAttribute("РеквНомерДок") + " " + basis.getAttribute("РеквДатаДок")).isEqualTo("22/26 15.01.2026");
    }

    @Test
    void theLinesAndTotalsAreThoseOfThePrintedFormWithDatesAmountsAndTheRateAsTheFormatWritesThem() throws Exception {
        DocumentContent content = vatInvoice(SampleStatements.vector(MARCH), RATE_22);
        Document d = dom(UpdXml.render(GUID, ISSUED, content));
        TaxedLines taxed = content.taxed();
        assertThat(one(d, "СвСчФакт").getAttribute("ДатаДок")).isEqualTo("31.03.2026");
        assertThat(one(d, "СвСчФакт").getAttribute("НомерДок")).isEqualTo("2026-000042");
        assertThat(one(d, "Документ").getAttribute("ДатаИнфПр")).isEqualTo("05.04.2026");
        assertThat(one(d, "Документ").getAttribute("ВремИнфПр")).isEqualTo("10.15.30");
        List<Element> lines = all(d, "СведТов");
        assertThat(lines).extracting(e -> e.getAttribute("НалСт")).containsOnly("22%");
        assertThat(lines).extracting(e -> e.getAttribute("СтТовБезНДС")).containsExactlyElementsOf(
                taxed.lines().stream().map(l -> l.line().net().amount().toPlainString()).toList());
        assertThat(lines.get(2).getAttribute("КолТов")).isEqualTo("640.25");
        assertThat(lines.get(2).getAttribute("ЦенаТов")).isEqualTo("0.60");
        assertThat(lines.get(2).getAttribute("СтТовУчНал")).isEqualTo("468.66");
        assertThat(lines.get(2).getElementsByTagName("СумНал").item(1).getTextContent()).isEqualTo("84.51");
        Element total = one(d, "ВсегоОпл");
        assertThat(total.getAttribute("СтТовБезНДСВсего")).isEqualTo(taxed.net().amount().toPlainString());
        assertThat(total.getAttribute("СтТовУчНалВсего")).isEqualTo(taxed.gross().amount().toPlainString());
        assertThat(one(d, "СумНалВсего").getTextContent()).isEqualTo(taxed.vat().amount().toPlainString());
        Element buyer = (Element) one(d, "СвПокуп").getElementsByTagName("СвЮЛУч").item(0);
        assertThat(buyer.getAttribute("ИННЮЛ") + "/" + buyer.getAttribute("КПП")).isEqualTo("7802345678/780201001");
        Element signer = one(d, "Подписант");
        assertThat(((Element) signer.getElementsByTagName("ФИО").item(0)).getAttribute("Фамилия")).isEqualTo("Смирнов");
    }

    @Test
    void atTwentyPercentTheFileIsValidAgainstTheSchemaAsPublished() throws Exception {
        Statement december = SampleStatements.vector(YearMonth.of(2025, 12));
        validate(published(), UpdXml.render(GUID, ISSUED, upd(december, new BigDecimal("0.20"))));
        validate(published(), UpdXml.render(GUID, ISSUED, vatInvoice(december, new BigDecimal("0.20"))));
    }

    @Test
    void theSchemaAsPublishedHereDoesNotYetKnowTheRateOf22Percent() {
        EdoFile file = UpdXml.render(GUID, ISSUED, upd(SampleStatements.vector(MARCH), RATE_22));
        assertThatThrownBy(() -> validate(published(), file)).isInstanceOf(SAXParseException.class)
                .hasMessageContaining("22%");
    }

    @Test
    void theFileIsNamedByTheFormatsRuleAndTheNameIsItsIdFayl() throws Exception {
        EdoFile file = UpdXml.render(GUID, ISSUED, upd(SampleStatements.vector(MARCH), RATE_22));
        assertThat(file.id()).isEqualTo("ON_NSCHFDOPPR_7802345678-780201001_7714123456-771401001_20260405_"
                + "3f2b8c1e-5a47-4d6b-9e0f-1c2d3e4f5a6b_0_0_0_0_0_00");
        assertThat(file.fileName()).isEqualTo(file.id() + ".xml");
        assertThat(one(dom(file), "Файл").getAttribute("ИдФайл")).isEqualTo(file.id());
        assertThat(EdoFileNames.participant("770123456789", null)).isEqualTo("770123456789");
    }

    @Test
    void theFileIsWindows1251AndItsDeclarationSaysSo() throws Exception {
        Statement vector = SampleStatements.vector(MARCH);
        Statement.Client c = vector.client();
        Statement unusual = new Statement(vector.account(), MARCH, null, vector.seller(), new Statement.Client(
                "АО «Вектор» — Ωmega & Co", c.inn(), c.kpp(), c.legalAddress(), c.postalAddress(), c.delivery(), c.email(),
                c.documents(), c.signatory()), vector.contract(), vector.lines());
        EdoFile file = UpdXml.render(GUID, ISSUED, upd(unusual, RATE_22));
        String head = new String(file.content(), 0, 60, StandardCharsets.US_ASCII);
        assertThat(head).startsWith("<?xml version=\"1.0\" encoding=\"windows-1251\"?>");
        String text = new String(file.content(), Cp1251.CHARSET);
        assertThat(text).contains("<Файл ", "НаимОрг=\"АО «Вектор» — &#937;mega &amp; Co\"", "Голосовое меню (IVR)");
        assertThatThrownBy(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(file.content())))
                .as("Cyrillic in windows-1251 is not UTF-8").isInstanceOf(CharacterCodingException.class);
        assertThat(one(dom(file), "СвПокуп").getElementsByTagName("СвЮЛУч").item(0).getAttributes()
                .getNamedItem("НаимОрг").getNodeValue()).isEqualTo("АО «Вектор» — Ωmega & Co");
        validate(with22Percent(), file);
    }

    @Test
    void aSellerWithoutContractGetsTheTransferWithoutABasisDocument() throws Exception {
        Statement vector = SampleStatements.vector(MARCH);
        Statement noContract = new Statement(vector.account(), MARCH, null, vector.seller(), vector.client(), null, vector.lines());
        EdoFile file = UpdXml.render(GUID, ISSUED, upd(noContract, RATE_22));
        validate(with22Percent(), file);
        assertThat(all(dom(file), "БезДокОснПер")).hasSize(1);
    }

    @Test
    void anEntrepreneurBuyerWithA12DigitInnIsAPersonNamedBySurnameAndName() throws Exception {
        Statement generated = SampleStatements.generated(4, MARCH);
        Statement.Client c = generated.client();
        assertThat(c.inn()).hasSize(12);
        List<Line> positive = generated.lines().stream().filter(l -> l.net().amount().signum() >= 0).toList();
        Statement ip = new Statement(generated.account(), MARCH, null, generated.seller(), new Statement.Client(
                "ИП Иванов Иван Иванович", c.inn(), null, c.legalAddress(), c.postalAddress(), c.delivery(), c.email(),
                c.documents(), null), null, positive);
        EdoFile file = UpdXml.render(GUID, ISSUED, upd(ip, RATE_22));
        validate(with22Percent(), file);
        Element person = (Element) one(dom(file), "СвПокуп").getElementsByTagName("СвИП").item(0);
        Element name = (Element) person.getElementsByTagName("ФИО").item(0);
        assertThat(person.getAttribute("ИННФЛ")).isEqualTo(c.inn());
        assertThat(name.getAttribute("Фамилия") + " " + name.getAttribute("Имя") + " " + name.getAttribute("Отчество"))
                .isEqualTo("Иванов Иван Иванович");
        assertThat(file.id()).startsWith("ON_NSCHFDOPPR_" + c.inn() + "_7714123456-771401001_");
        Statement nameless = new Statement(ip.account(), MARCH, null, ip.seller(), new Statement.Client("ИП", c.inn(), null,
                c.legalAddress(), c.postalAddress(), c.delivery(), c.email(), c.documents(), null), null, positive);
        assertThatThrownBy(() -> UpdXml.render(GUID, ISSUED, upd(nameless, RATE_22))).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.detail(Catalogue.RUSSIAN)).contains("индивидуальный предприниматель", "фамилия и имя"));
    }

    @Test
    void aNegativeLineIsRefusedBecauseTheFormatHasNoNegativeAmountsOnALine() {
        DocumentContent romashka = vatInvoice(SampleStatements.romashka(MARCH), RATE_22);
        assertThatThrownBy(() -> UpdXml.render(GUID, ISSUED, romashka)).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.kind()).isEqualTo(Refusal.Kind.UNPROCESSABLE);
            assertThat(r.detail(Catalogue.RUSSIAN)).contains("строке 13", "Скидка за объём", "отрицательная сумма");
        });
    }

    @Test
    void onlyVatInvoicesAndUpdsHaveTheElectronicForm() {
        assertThat(List.of(DocumentType.values())).filteredOn(UpdXml::covers)
                .containsExactly(DocumentType.VAT_INVOICE, DocumentType.UPD);
    }
}
