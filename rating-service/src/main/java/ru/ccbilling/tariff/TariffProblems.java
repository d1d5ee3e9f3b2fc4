package ru.ccbilling.tariff;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;

import ru.ccbilling.api.model.FieldError;
import ru.ccbilling.rules.ModelMessage;
import ru.ccbilling.rules.TariffCompilationException;
import ru.ccbilling.web.ApiException;

/** Tariff problems as HTTP problems: unknown 404, not a draft 409, does not compile or date refused 422. */
public final class TariffProblems {

    private TariffProblems() { }

    public static <T> T translate(Supplier<T> action) {
        try {
            return action.get();
        } catch (TariffProblem p) {
            throw switch (p.kind()) {
                case NOT_FOUND -> ApiException.notFound(p.getMessage());
                case NOT_A_DRAFT -> ApiException.conflict(p.getMessage());
                case DATE_REFUSED -> ApiException.unprocessable(p.getMessage(),
                        List.of(new FieldError("effectiveFrom", p.getMessage())));
                case DOES_NOT_COMPILE -> ApiException.unprocessable(p.getMessage(), errors(p.messages()));
                case INVALID -> new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", p.getMessage(), List.of());
            };
        } catch (TariffCompilationException e) {
            throw ApiException.unprocessable("the version does not compile", errors(e.messages().stream()
                    .filter(m -> m.severity() == ModelMessage.Severity.ERROR).toList()));
        }
    }

    private static List<FieldError> errors(List<ModelMessage> messages) {
        return messages.stream().map(m -> new FieldError(m.model() + (m.location() == null ? "" : " @ " + m.location()),
                m.message())).toList();
    }
}
