package ru.ccbilling.rating.web;

import java.util.List;

import org.springframework.context.i18n.LocaleContextHolder;

import ru.ccbilling.api.model.CallType;
import ru.ccbilling.api.model.CdrStatus;
import ru.ccbilling.api.model.ChargeLine;
import ru.ccbilling.api.model.Outcome;
import ru.ccbilling.api.model.RatedCdr;
import ru.ccbilling.api.model.RejectReason;
import ru.ccbilling.money.Money;
import ru.ccbilling.rating.Cdr;
import ru.ccbilling.rating.LineNotes;
import ru.ccbilling.rating.RatingResult;
import ru.ccbilling.web.Problems;

/** Translates rating results into the contract's RatedCdr, the same for a simulated and a stored record. */
final class RatedCdrs {

    private RatedCdrs() { }

    public static ChargeLine line(String component, Integer stage, Integer participant, String amount,
                                  int billedSeconds, String rate, String note) {
        return new ChargeLine(ChargeLine.ComponentEnum.fromValue(component), amount, billedSeconds)
                .stage(stage).participant(participant).rate(rate).note(note);
    }

    public static RatedCdr of(Cdr cdr, RatingResult result) {
        RatedCdr out = new RatedCdr(Money.CURRENCY, List.of())
                .source(cdr.source()).cdrId(cdr.cdrId()).callType(CallType.fromValue(cdr.callType().name()))
                .startTime(cdr.startTime()).caller(cdr.caller()).called(cdr.called()).durationSec(cdr.durationSec())
                .account(result.account()).record(cdr.raw()).rejections(null);
        if (result instanceof RatingResult.Rated rated) {
            return out.status(CdrStatus.RATED).outcome(Outcome.RATED).tariff(rated.tariff())
                    .tariffVersion(rated.tariffVersion()).total(rated.total().toString())
                    .callerRegion(rated.callerRegion()).callerOperator(rated.callerOperator())
                    .lines(rated.lines().stream().map(l -> line(l.component(), l.stage(), l.participant(), l.amount().toPlainString(),
                            l.billedSeconds(), l.rate().toPlainString(),
                            LineNotes.forReader(l.note(), LocaleContextHolder.getLocale()))).toList());
        }
        RatingResult.Rejected rejected = (RatingResult.Rejected) result;
        return out.status(CdrStatus.REJECTED).outcome(Outcome.REJECTED).tariff(rejected.tariff())
                .tariffVersion(rejected.tariffVersion()).reason(RejectReason.fromValue(rejected.reason().name()))
                .reasonDetail(Problems.text(rejected.detail()));
    }
}
