package ru.ccbilling.job;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The handler of each job kind, found among the beans when first asked (handlers themselves use {@link Jobs}). */
@Component
class JobHandlers {

    private final ObjectProvider<JobHandler<?, ?>> beans;
    private volatile Map<String, JobHandler<?, ?>> byKind;

    JobHandlers(ObjectProvider<JobHandler<?, ?>> beans) {
        this.beans = beans;
    }

    Optional<JobHandler<?, ?>> of(String kind) {
        if (byKind == null) {
            Map<String, JobHandler<?, ?>> found = new HashMap<>();
            beans.orderedStream().forEach(handler -> {
                JobHandler<?, ?> other = found.put(handler.kind(), handler);
                if (other != null) {
                    throw new IllegalStateException("two handlers of job kind " + handler.kind() + ": "
                            + other.getClass().getName() + " and " + handler.getClass().getName());
                }
            });
            byKind = Map.copyOf(found);
        }
        return Optional.ofNullable(byKind.get(kind));
    }
}
