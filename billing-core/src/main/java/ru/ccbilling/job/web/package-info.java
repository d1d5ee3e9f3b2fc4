/**
 * The jobs' HTTP face: GET /jobs, and {@link ru.ccbilling.job.web.JobView}, how the contract shows a job, which every
 * endpoint that starts one (period close, document run, CDR import, reprocessing) answers with.
 */
@NamedInterface("web")
package ru.ccbilling.job.web;

import org.springframework.modulith.NamedInterface;
