package org.jingban.enrollment;

import org.jingban.platform.test.ServiceSmokeTest;

/** Starts enrollment-service on the embedded broker and store: health, metrics and API document (see {@link ServiceSmokeTest}). */
class EnrollmentServiceSmokeTest extends ServiceSmokeTest {
}
