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

    /**
     * How a seller numbers its VAT documents: {@code SINGLE} = VAT invoices, UPDs and correction VAT invoices in one
     * chronological sequence (VAT_INVOICE); {@code SEPARATE} = correction VAT invoices in their own sequence.
     */
    public enum Policy { SINGLE, SEPARATE }

    /** the policy of a seller; 404 for an unknown seller */
    public Policy policy(String seller) {
        return jdbc.queryForList("select numbering_policy from seller where code = ?", String.class, seller).stream()
                .findFirst().map(Policy::valueOf)
                .orElseThrow(() -> Refusal.notFound("document.unknownSeller", seller).at("seller"));
    }

    /**
     * Sets the policy of a seller. Going back from SEPARATE to SINGLE is refused while corrections numbered apart
     * exist in a counter period still in use (this year's, or the never-reset one): the VAT invoice sequence would
     * give numbers those corrections already have.
     */
    @Transactional
    public Policy setPolicy(String seller, Policy policy, LocalDate today) {
        Policy now = policy(seller);
        if (now == Policy.SEPARATE && policy == Policy.SINGLE) {
            int period = template(seller, DocumentType.VAT_INVOICE).period(today);
            Long taken = jdbc.queryForList("select last_value from numbering_counter where seller = ? and sequence = ? "
                    + "and period = ?", Long.class, seller, DocumentType.CORRECTION_VAT_INVOICE.name(), period)
                    .stream().findFirst().orElse(0L);
            if (taken > 0) {
                throw Refusal.conflict("document.policyBackToSingle", seller, taken).at("policy");
            }
        }
        jdbc.update("update seller set numbering_policy = ? where code = ?", policy.name(), seller);
        return policy;
    }

    /** the counter a seller's documents of {@code type} take their numbers from, under its policy */
    public String sequence(String seller, DocumentType type) {
        if (type == DocumentType.CORRECTION_VAT_INVOICE && policy(seller) == Policy.SEPARATE) {
            return DocumentType.CORRECTION_VAT_INVOICE.name();
        }
        return type.sequence();
    }

    /** the last number taken from a sequence in the counter period of {@code date}, when it is dated after {@code date} */
    public java.util.Optional<Later> laterThan(String seller, DocumentType type, LocalDate date) {
        String sequence = sequence(seller, type);
        int period = template(seller, type.sequenceOwner()).period(date);
        return jdbc.query("select last_value, last_date from numbering_counter where seller = ? and sequence = ? "
                + "and period = ? and last_date > ?", (rs, i) -> new Later(seller, sequence, rs.getLong("last_value"),
                rs.getObject("last_date", LocalDate.class)), seller, sequence, period, date).stream().findFirst()
                .map(l -> l.withNumber(lastNumber(seller, sequence, l.date())));
    }

    /**
     * The sequence of a seller that already holds a number dated after a document to be numbered.
     *
     * @param number the number as printed (of the latest document of the sequence), null when none is stored
     */
    public record Later(String seller, String sequence, long value, LocalDate date, String number) {
        Later(String seller, String sequence, long value, LocalDate date) {
            this(seller, sequence, value, date, null);
        }

        Later withNumber(String printed) {
            return new Later(seller, sequence, value, date, printed);
        }
    }

    private String lastNumber(String seller, String sequence, LocalDate date) {
        List<String> types = java.util.Arrays.stream(DocumentType.values()).filter(t -> sequence(seller, t).equals(sequence))
                .map(Enum::name).toList();
        return jdbc.queryForList("select number from document where seller = ? and document_date = ? and type = any(?) "
                        + "order by created_at desc limit 1", String.class, seller, date, types.toArray(String[]::new))
                .stream().findFirst().orElse(null);
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
        String sequence = sequence(seller, type);
        jdbc.update("insert into numbering_counter (seller, sequence, period) values (?, ?, ?) on conflict do nothing",
                seller, sequence, period);
        List<Long> last = jdbc.queryForList("""
                update numbering_counter set last_value = last_value + ?, last_date = ?
                where seller = ? and sequence = ? and period = ? and (last_date is null or last_date <= ?)
                returning last_value
                """, Long.class, count, date, seller, sequence, period, date);
        if (last.isEmpty()) {
            Map<String, Object> row = jdbc.queryForMap("select last_value, last_date from numbering_counter "
                    + "where seller = ? and sequence = ? and period = ?", seller, sequence, period);
            throw Refusal.conflict("document.numbersFollowDates", sequence, seller, row.get("last_value"),
                    row.get("last_date"), date).at("date");
        }
        long first = last.get(0) - count + 1;
        for (long seq = first; seq <= last.get(0); seq++) {
            numbers.add(template.format(seq, date));
        }
        return numbers;
    }
}
