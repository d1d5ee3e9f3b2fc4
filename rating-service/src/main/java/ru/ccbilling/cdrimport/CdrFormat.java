package ru.ccbilling.cdrimport;

import java.util.List;

/**
 * A CSV format of call-centre equipment: its columns in file order and how many of them every line has.
 * A mapping names its format and may override both (a PBX configured with another template).
 */
public enum CdrFormat {

    /** Asterisk cdr_csv (Master.csv): 16 fields, then optionally uniqueid, userfield, peeraccount, linkedid, sequence */
    ASTERISK_CSV(List.of("accountcode", "src", "dst", "dcontext", "clid", "channel", "dstchannel", "lastapp", "lastdata",
            "start", "answer", "end", "duration", "billsec", "disposition", "amaflags",
            "uniqueid", "userfield", "peeraccount", "linkedid", "sequence"), 16),

    /** FreeSWITCH mod_cdr_csv default template: 13 fields; the "example" template adds read_codec and write_codec */
    FREESWITCH_CSV(List.of("caller_id_name", "caller_id_number", "destination_number", "context", "start_stamp",
            "answer_stamp", "end_stamp", "duration", "billsec", "hangup_cause", "uuid", "bleg_uuid", "accountcode",
            "read_codec", "write_codec"), 13);

    private final List<String> columns;
    private final int minColumns;

    CdrFormat(List<String> columns, int minColumns) {
        this.columns = columns;
        this.minColumns = minColumns;
    }

    public List<String> columns() {
        return columns;
    }

    public int minColumns() {
        return minColumns;
    }
}
