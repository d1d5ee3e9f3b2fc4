package ru.ccbilling.rating;

import java.time.LocalDate;
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
 * Rates one CDR: resolves its account, operators, trunk and tariff version, classifies the call (origin,
 * destination class, time band) from reference data, and lets the tariff's decision tables and rules price it.
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
        LocalDate day = cdr.startTime().atZoneSameInstant(TimeBands.MOSCOW).toLocalDate();

        Account account = account(cdr, ref);
        if (account == null) {
            return RatingResult.Rejected.of(RejectReason.UNKNOWN_ACCOUNT, cdr.callType() == Cdr.CallType.OUTBOUND
                    ? Text.of("rating.noAccount", cdr.accountCode()) : Text.of("rating.noNumberHolder", cdr.called()));
        }
        for (Cdr.Stage stage : cdr.stages()) {
            if (stage.type() == Cdr.StageType.OPERATOR && !ref.operatorSites().containsKey(stage.operatorId())) {
                return rejected(RejectReason.UNKNOWN_OPERATOR, Text.of("rating.noOperator", stage.operatorId()), account, null);
            }
        }
        boolean outboundLeg = cdr.callType() != Cdr.CallType.INBOUND_800;
        if (outboundLeg && (cdr.trunk() == null || !ref.trunks().contains(cdr.trunk()))) {
            return rejected(RejectReason.UNKNOWN_TRUNK,
                    cdr.trunk() == null ? Text.of("rating.noTrunkNamed") : Text.of("rating.noTrunk", cdr.trunk()), account, null);
        }
        Optional<TariffVersionRef> tariff = tariff(cdr, account, day, choice);
        if (tariff.isEmpty()) {
            return rejected(RejectReason.NO_TARIFF, Text.of("rating.noTariff", account.code(), cdr.startTime()), account, null);
        }
        return classifyAndPrice(cdr, account, day, tariff.get(), ref);
    }

    private RatingResult classifyAndPrice(Cdr cdr, Account account, LocalDate day, TariffVersionRef tariff,
                                          RatingReference ref) {
        String origin = null;
        if (cdr.callType() != Cdr.CallType.OUTBOUND) {
            origin = origin(cdr.caller(), ref).orElse(null);
            if (origin == null) {
                return rejected(RejectReason.NO_RATE, Text.of("rating.callerNotRussian", cdr.caller()), account, tariff);
            }
        }
        String destinationClass = null;
        if (cdr.callType() != Cdr.CallType.INBOUND_800) {
            String destination = cdr.callType() == Cdr.CallType.OUTBOUND ? cdr.called() : cdr.forwardedTo();
            destinationClass = ref.destinations().classify(destination).orElse(null);
            if (destinationClass == null) {
                return rejected(RejectReason.NO_RATE, Text.of("rating.noDestination", destination), account, tariff);
            }
        }
        List<CallToPrice.StageToPrice> stages = new ArrayList<>(cdr.stages().size());
        for (Cdr.Stage stage : cdr.stages()) {
            String site = stage.operatorId() == null ? null : ref.operatorSites().get(stage.operatorId());
            boolean dedicated = stage.operatorId() != null && account.dedicates(stage.operatorId(), day);
            stages.add(new CallToPrice.StageToPrice(stage.type().name(), stage.durationSec(), stage.operatorId(), site,
                    dedicated));
        }
        CallToPrice call = new CallToPrice(cdr.callType().name(), origin,
                TimeBands.of(cdr.startTime(), ref.holidays()), destinationClass, cdr.trunk(), stages);
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
        var holder = cdr.callType() == Cdr.CallType.OUTBOUND ? Optional.<CallerLookup.Holder>empty()
                : registry.holderOf(cdr.caller());
        return new RatingResult.Rated(account.code(), tariff.code(), tariff.version(), priced.lines(),
                Money.of(priced.total()), holder.map(CallerLookup.Holder::region).orElse(null),
                holder.map(CallerLookup.Holder::operator).orElse(null));
    }

    private static Account account(Cdr cdr, RatingReference ref) {
        String code = cdr.callType() == Cdr.CallType.OUTBOUND ? cdr.accountCode() : ref.numberHolders().get(cdr.called());
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
