package ru.ccbilling.job;

/**
 * The work of one kind of job, run from what is stored: {@link Jobs} keeps the parameters (a record, stored as JSON)
 * and serializes the result (a record too). A handler is a bean, so that any instance can run a job again after its
 * instance died; its work must therefore be idempotent: run twice, it does what it does once.
 *
 * @param <P> what the job is started with
 * @param <R> what it answers when it succeeds
 */
public interface JobHandler<P, R> {

    /** the job kind this handler runs, e.g. PERIOD_CLOSE; one handler per kind */
    String kind();

    Class<P> paramsType();

    Class<R> resultType();

    /** does the work, reporting progress; answers the result; may be called again for the same job after a crash */
    R run(P params, JobProgress progress);
}
