package org.jingban.designation;

import org.jingban.platform.test.ServiceSmokeTest;

/** Starts designated-institution-service on the embedded broker and store: health, metrics and API document (see {@link ServiceSmokeTest}). */
class DesignatedInstitutionServiceSmokeTest extends ServiceSmokeTest {
}
