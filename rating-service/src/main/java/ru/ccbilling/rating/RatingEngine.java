package ru.ccbilling.rating;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import ru.ccbilling.account.Account;
import ru.ccbilling.money.Money;
import ru.ccbilling.refusal.Text;
import ru.ccbilling.rules.CallToPrice;
import ru.ccbilling.rules.Pricing;
import ru.ccbilling.rules.TariffEvaluationException;
import ru.ccbilling.tariff.TariffVersions;
import ru.ccbilling.tariff.TariffVersionRef;

/**
 * Rates one CDR of any call type (tariff sheet 2 and 7): resolves its account, operators, trunks and tariff version,
 * classifies the call (origin, destination classes, time band) from reference data, and lets the tariff's decision
 * tables and rules price it. Rejections come in the order of section 6.
 * Pure with respect to the database: it reads only in-memory snapshots, so it is safe and fast on any thread.
 */
@Service
public class RatingEngine {

    private final ReferenceSource references;
    private final TariffVersions tariffs;
    private final CallerLookup registry;

    public RatingEngine(ReferenceSource references, TariffVersions tariffs, CallerLookup registry) {
        this.references = references;
        this.tariffs = tariffs;
        this.registry = registry;
    }

    public RatingResult rate(Cdr cdr) {
        return rate(cdr, TariffChoice.ASSIGNED);
    }

    public RatingResult rate(Cdr cdr, TariffChoice choice) {
        RatingReference ref = references.current();
        LocalDateTime moscowTime = TimeBands.moscowTime(cdr.startTime());
        LocalDate day = moscowTime.toLocalDate();

        Account account = account(cdr, ref, day);
        if (account == null) {
            return RatingResult.Rejected.of(RejectReason.UNKNOWN_ACCOUNT, cdr.callType().namesAccount()
                    ? Text.of("rating.noAccount", cdr.accountCode()) : Text.of("rating.noNumberHolder", cdr.called()));
        }
        for (Cdr.Stage stage : cdr.stages()) {
            if (stage.type() == Cdr.StageType.OPERATOR && !ref.operatorSites().containsKey(stage.operatorId())) {
                return rejected(RejectReason.UNKNOWN_OPERATOR, Text.of("rating.noOperator", stage.operatorId()), account, null);
            }
        }
        Text trunkProblem = trunkProblem(cdr, ref);
        if (trunkProblem != null) {
            return rejected(RejectReason.UNKNOWN_TRUNK, trunkProblem, account, null);
        }
        Optional<TariffVersionRef> tariff = tariff(cdr, account, day, choice);
        if (tariff.isEmpty()) {
            return rejected(RejectReason.NO_TARIFF, Text.of("rating.noTariff", account.code(), cdr.startTime()), account, null);
        }
        return classifyAndPrice(cdr, account, moscowTime, tariff.get(), ref);
    }

    /** the legs that go out over a trunk need a known one (sheet 6, 7.5); null when all is well */
    private static Text trunkProblem(Cdr cdr, RatingReference ref) {
        if (cdr.callType() == Cdr.CallType.CONFERENCE) {
            for (int i = 0; i < cdr.participants().size(); i++) {
                Cdr.Participant p = cdr.participants().get(i);
                if (p.direction() == Cdr.Direction.DIAL_OUT && p.trunk() == null) {
                    return Text.of("rating.noParticipantTrunk", "participants[" + i + "]", p.number());
                }
                if (p.direction() == Cdr.Direction.DIAL_OUT && !ref.trunks().contains(p.trunk())) {
                    return Text.of("rating.noTrunk", p.trunk());
                }
            }
            return null;
        }
        if (outboundDestination(cdr) == null) {
            return null;
        }
        if (cdr.trunk() == null) {
            return Text.of("rating.noTrunkNamed");
        }
        return ref.trunks().contains(cdr.trunk()) ? null : Text.of("rating.noTrunk", cdr.trunk());
    }

    /** the number a call's outbound leg goes to over its trunk, null when it has none (a conference has one per participant) */
    private static String outboundDestination(Cdr cdr) {
        return switch (cdr.callType()) {
            case OUTBOUND, SURVEY, INFORMING -> cdr.called();
            case FORWARD, VIRTUAL_OFFICE -> cdr.forwardedTo();
            case INBOUND_800, CONFERENCE -> null;
        };
    }

    private RatingResult classifyAndPrice(Cdr cdr, Account account, LocalDateTime moscowTime, TariffVersionRef tariff,
                                          RatingReference ref) {
        LocalDate day = moscowTime.toLocalDate();
        String origin = null;
        // the caller's origin prices the 8-800 network minute only (sheet 3, 7.5)
        boolean network = cdr.callType() == Cdr.CallType.INBOUND_800 || cdr.callType() == Cdr.CallType.FORWARD;
        if (network) {
            origin = origin(cdr.caller(), ref).orElse(null);
            if (origin == null) {
                return rejected(RejectReason.NO_RATE, Text.of("rating.callerNotRussian", cdr.caller()), account, tariff);
            }
        }
        String destination = outboundDestination(cdr);
        String destinationClass = null;
        if (destination != null) {
            destinationClass = ref.destinations().classify(destination).orElse(null);
            if (destinationClass == null) {
                return rejected(RejectReason.NO_RATE, Text.of("rating.noDestination", destination), account, tariff);
            }
        }
        List<CallToPrice.ParticipantToPrice> participants = new ArrayList<>(cdr.participants().size());
        for (int i = 0; i < cdr.participants().size(); i++) {
            Cdr.Participant p = cdr.participants().get(i);
            String legClass = null;
            if (p.direction() == Cdr.Direction.DIAL_OUT) {
                legClass = ref.destinations().classify(p.number()).orElse(null);
                if (legClass == null) {
                    return rejected(RejectReason.NO_RATE,
                            Text.of("rating.noParticipantDestination", "participants[" + i + "]", p.number()), account, tariff);
                }
            }
            participants.add(new CallToPrice.ParticipantToPrice(p.direction().name(), p.durationSec(), legClass,
                    p.direction() == Cdr.Direction.DIAL_OUT ? p.trunk() : null));
        }
        List<CallToPrice.StageToPrice> stages = new ArrayList<>(cdr.stages().size());
        for (Cdr.Stage stage : cdr.stages()) {
            String site = stage.operatorId() == null ? null : ref.operatorSites().get(stage.operatorId());
            boolean dedicated = stage.operatorId() != null && account.dedicates(stage.operatorId(), day);
            stages.add(new CallToPrice.StageToPrice(stage.type().name(), stage.durationSec(), stage.operatorId(), site,
                    dedicated));
        }
        String band = TimeBands.ofMoscowTime(moscowTime, ref.holidays());
        String trunk = destination == null ? null : cdr.trunk();
        CallToPrice call = switch (cdr.callType()) {
            case VIRTUAL_OFFICE -> CallToPrice.virtualOffice(band, destinationClass, trunk, stages);
            case CONFERENCE -> CallToPrice.conference(band, participants);
            case SURVEY -> CallToPrice.survey(band, destinationClass, trunk, cdr.surveyCompleted(), stages);
            case INFORMING -> CallToPrice.informing(band, destinationClass, trunk, stages);
            case INBOUND_800, OUTBOUND, FORWARD ->
                    new CallToPrice(cdr.callType().name(), origin, band, destinationClass, cdr.trunk(), stages);
        };
        Pricing pricing;
        try {
            pricing = tariff.compiled().price(call);
        } catch (TariffEvaluationException e) {
            return rejected(RejectReason.NO_RATE, Text.of("rating.tariffFailed", e.getMessage()), account, tariff);
        }
        if (pricing instanceof Pricing.NoRate noRate) {
            return rejected(RejectReason.NO_RATE, Text.verbatim(noRate.detail()), account, tariff);
        }
        Pricing.Priced priced = (Pricing.Priced) pricing;
        // the registry knows who called in; the centre's own calls out and conference bridges have no caller to look up
        boolean callIn = network || cdr.callType() == Cdr.CallType.VIRTUAL_OFFICE;
        var holder = callIn ? registry.holderOf(cdr.caller()) : Optional.<CallerLookup.Holder>empty();
        return new RatingResult.Rated(account.code(), tariff.code(), tariff.version(), priced.lines(),
                Money.of(priced.total()), holder.map(CallerLookup.Holder::region).orElse(null),
                holder.map(CallerLookup.Holder::operator).orElse(null));
    }

    /**
     * INBOUND_800 and FORWARD: the holder of the 8-800 number called on the call's day (none while it is Free or in
     * Quarantine, so the call is UNKNOWN_ACCOUNT); VIRTUAL_OFFICE: the holder of the number called on the call's day;
     * the services sold to an organiser and OUTBOUND: {@code accountCode} (sheet 2, 7.2)
     */
    private static Account account(Cdr cdr, RatingReference ref, LocalDate day) {
        String code = switch (cdr.callType()) {
            case OUTBOUND, CONFERENCE, SURVEY, INFORMING -> cdr.accountCode();
            case VIRTUAL_OFFICE -> ref.heldNumbers().holderOn(cdr.called(), day).orElse(null);
            case INBOUND_800, FORWARD -> ref.tollFreeHeld().holderOn(cdr.called(), day).orElse(null);
        };
        return code == null ? null : ref.accounts().get(code);
    }

    private Optional<TariffVersionRef> tariff(Cdr cdr, Account account, LocalDate day, TariffChoice choice) {
        String code = choice.tariff() != null ? choice.tariff() : account.tariffOn(day).orElse(null);
        if (code == null) {
            return Optional.empty();
        }
        return choice.version() != null ? tariffs.version(code, choice.version())
                : tariffs.inForce(code, cdr.startTime().toInstant());
    }

    /** caller origin for calls into 8-800: only Russian numbers, 7 and 10 digits, are classified */
    private static Optional<String> origin(String caller, RatingReference ref) {
        if (caller.length() != 11 || caller.charAt(0) != '7') {
            return Optional.empty();
        }
        return ref.origins().classify(caller);
    }

    private static RatingResult.Rejected rejected(RejectReason reason, Text detail, Account account,
                                                  TariffVersionRef tariff) {
        return new RatingResult.Rejected(reason, detail, account.code(), tariff == null ? null : tariff.code(),
                tariff == null ? null : tariff.version());
    }
}
