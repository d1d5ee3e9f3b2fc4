package ru.ccbilling.job;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** A job for tests of how jobs are shown: does nothing, or fails with the database's words when told. */
@Component
public class TestJob implements JobHandler<TestJob.Params, TestJob.Done> {

    public record Params(String failure) {
        public static Params succeeding() {
            return new Params(null);
        }
    }

    public record Done() { }

    @Override
    public String kind() {
        return "TEST";
    }

    @Override
    public Class<Params> paramsType() {
        return Params.class;
    }

    @Override
    public Class<Done> resultType() {
        return Done.class;
    }

    @Override
    public Done run(Params params, JobProgress progress) {
        if (params.failure() != null) {
            throw new DataIntegrityViolationException(params.failure());
        }
        return new Done();
    }
}
