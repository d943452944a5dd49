package org.jingban.platform.service.cases;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A service with nothing of its own: only what service-starter gives every service. */
@SpringBootApplication
class CaseServiceApplication {
}
