package ru.ccbilling.document.edo;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import ru.ccbilling.document.Statement;

/**
 * The file-name rule of the UPD format 5.03: {@code ON_NSCHFDOPPR_<recipient>_<sender>_<YYYYMMDD>_<GUID>}, with the
 * operators' {@code _0_0_0_0_0_00} tail. The ids are the ЭДО participants' identifiers, which an operator assigns
 * (a 3-character operator prefix and the rest); until an operator is connected we use {@code <ИНН>-<КПП>}
 * ({@code <ИНН>} without a KPP), which is unique per taxpayer's division and free of the name's separator "_".
 */
public final class EdoFileNames {

    static final String PREFIX = "ON_NSCHFDOPPR";
    static final String OPERATORS_TAIL = "_0_0_0_0_0_00";
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

    private EdoFileNames() { }

    /** the name (= ИдФайл) of a file formed on {@code date}, identified by {@code guid} */
    public static String of(Statement.Client recipient, Statement.Seller sender, LocalDate date, UUID guid) {
        return PREFIX + "_" + participant(recipient.inn(), recipient.kpp()) + "_" + participant(sender.inn(), sender.kpp())
                + "_" + date.format(DATE) + "_" + guid + OPERATORS_TAIL;
    }

    /** the participant id we use until an operator assigns one: ИНН-КПП, or the ИНН alone */
    public static String participant(String inn, String kpp) {
        return kpp == null || kpp.isBlank() ? inn.trim() : inn.trim() + "-" + kpp.trim();
    }
}
