package org.jingban.reimbursement;

import org.jingban.platform.test.ServiceSmokeTest;

/** Starts reimbursement-service on the embedded broker and store: health, metrics and API document (see {@link ServiceSmokeTest}). */
class ReimbursementServiceSmokeTest extends ServiceSmokeTest {
}
