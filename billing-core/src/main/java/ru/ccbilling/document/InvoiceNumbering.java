package ru.ccbilling.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import ru.ccbilling.refusal.Refusal;

/**
 * Gapless, chronological numbers per seller and sequence. A number is taken inside the transaction that stores
 * the document: the counter row is updated with {@code update ... returning}, which locks it until that
 * transaction ends, so parallel generations queue on it, and a failed generation rolls its number back.
 * A number dated before the last one taken from the same sequence is refused: numbers follow dates.
 */
@Service
public class InvoiceNumbering {

    private final JdbcTemplate jdbc;

    InvoiceNumbering(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** the templates of a seller for every document type, the standard one where none was configured */
    public List<NumberingTemplate> templates(String seller) {
        Map<DocumentType, NumberingTemplate> byType = new EnumMap<>(DocumentType.class);
        jdbc.query("select * from numbering_template where seller = ?", rs -> {
            DocumentType type = DocumentType.valueOf(rs.getString("document_type"));
            byType.put(type, new NumberingTemplate(seller, type, rs.getString("template"), rs.getString("division"),
                    NumberingTemplate.Reset.valueOf(rs.getString("reset"))));
        }, seller);
        List<NumberingTemplate> out = new ArrayList<>();
        for (DocumentType type : DocumentType.values()) {
            out.add(byType.getOrDefault(type, NumberingTemplate.standard(seller, type)));
        }
        return out;
    }

    public NumberingTemplate template(String seller, DocumentType type) {
        return templates(seller).get(type.ordinal());
    }

    /**
     * Stores a template. Types that share a sequence share its reset period: setting VAT_INVOICE's reset sets theirs,
     * and a different reset on one of them is refused.
     */
    @Transactional
    public NumberingTemplate save(NumberingTemplate template) {
        Integer sellers = jdbc.queryForObject("select count(*) from seller where code = ?", Integer.class, template.seller());
        if (sellers == null || sellers == 0) {
            throw Refusal.notFound("document.unknownSeller", template.seller()).at("seller");
        }
        DocumentType owner = template.type().sequenceOwner();
        if (owner != template.type() && template(template.seller(), owner).reset() != template.reset()) {
            throw Refusal.invalid("reset", "document.sharedReset", template.type(), owner,
                    template(template.seller(), owner).reset());
        }
        upsert(template);
        if (owner == template.type()) {
            for (DocumentType type : DocumentType.values()) {
                if (type != owner && type.sequenceOwner() == owner) {
                    NumberingTemplate sharing = template(template.seller(), type);
                    upsert(new NumberingTemplate(sharing.seller(), type, sharing.template(), sharing.division(), template.reset()));
                }
            }
        }
        return template;
    }

    private void upsert(NumberingTemplate t) {
        jdbc.update("""
                insert into numbering_template (seller, document_type, template, division, reset) values (?, ?, ?, ?, ?)
                on conflict (seller, document_type) do update set template = excluded.template,
                    division = excluded.division, reset = excluded.reset
                """, t.seller(), t.type().name(), t.template(), t.division(), t.reset().name());
    }

    /** one number for a document of that type and date, inside the caller's transaction */
    @Transactional(propagation = Propagation.MANDATORY)
    public String take(String seller, DocumentType type, LocalDate date) {
        return take(seller, type, date, 1).get(0);
    }

    /** {@code count} consecutive numbers, inside the caller's transaction (the mass run takes a block per batch) */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> take(String seller, DocumentType type, LocalDate date, int count) {
        List<String> numbers = new ArrayList<>(count);
        if (count == 0) {
            return numbers;
        }
        NumberingTemplate template = template(seller, type);
        int period = template(seller, type.sequenceOwner()).period(date);
        jdbc.update("insert into numbering_counter (seller, sequence, period) values (?, ?, ?) on conflict do nothing",
                seller, type.sequence(), period);
        List<Long> last = jdbc.queryForList("""
                update numbering_counter set last_value = last_value + ?, last_date = ?
                where seller = ? and sequence = ? and period = ? and (last_date is null or last_date <= ?)
                returning last_value
                """, Long.class, count, date, seller, type.sequence(), period, date);
        if (last.isEmpty()) {
            Map<String, Object> row = jdbc.queryForMap("select last_value, last_date from numbering_counter "
                    + "where seller = ? and sequence = ? and period = ?", seller, type.sequence(), period);
            throw Refusal.conflict("document.numbersFollowDates", type.sequence(), seller, row.get("last_value"),
                    row.get("last_date"), date).at("date");
        }
        long first = last.get(0) - count + 1;
        for (long seq = first; seq <= last.get(0); seq++) {
            numbers.add(template.format(seq, date));
        }
        return numbers;
    }
}
