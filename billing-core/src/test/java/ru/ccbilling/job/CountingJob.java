package ru.ccbilling.job;

import org.springframework.stereotype.Component;

/** A job for the tests of the mechanism: counts to {@code upTo}, by odd and even, or fails half-way when told. */
@Component
class CountingJob implements JobHandler<CountingJob.Count, CountingJob.Sum> {

    record Count(int upTo, String failure) { }

    record Sum(long sum) { }

    @Override
    public String kind() {
        return "TEST";
    }

    @Override
    public Class<Count> paramsType() {
        return Count.class;
    }

    @Override
    public Class<Sum> resultType() {
        return Sum.class;
    }

    @Override
    public Sum run(Count count, JobProgress progress) {
        progress.total(count.upTo());
        long sum = 0;
        for (int i = 0; i < count.upTo(); i++) {
            if (count.failure() != null && i == count.upTo() / 2) {
                if (count.failure().startsWith("refused:")) {
                    throw ru.ccbilling.refusal.Refusal.conflict("document.noClosedMonth", count.failure().substring(8));
                }
                throw new IllegalStateException(count.failure());
            }
            progress.advance(1, i % 2 == 0 ? "EVEN" : "ODD");
            sum += i;
        }
        return new Sum(sum);
    }
}
