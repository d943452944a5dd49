package org.jingban.reimbursement;

import java.time.Clock;
import java.time.Duration;

import com.mongodb.reactivestreams.client.MongoClient;
import org.jingban.enrollment.api.coverage.EnrollmentReadModel;
import org.jingban.offsitefiling.api.coverage.OffsiteFilingReadModel;
import org.jingban.platform.cases.Case;
import org.jingban.reimbursement.assistance.AssistanceProperties;
import org.jingban.reimbursement.chronic.ChronicDiseaseProperties;
import org.jingban.reimbursement.chronic.Entitlements;
import org.jingban.reimbursement.claim.ClaimProperties;
import org.jingban.reimbursement.maternity.MaternityProperties;
import org.jingban.platform.payments.BankPort;
import org.jingban.reimbursement.payment.PaymentOrders;
import org.jingban.platform.payments.SimulatedBank;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The claims and disease-list settings, the bank, the enrollment and filing read models, and the indexes declared in
 * code. The benefit policy is platform/benefits' auto-configuration (jingban.benefits).
 */
@Configuration
@EnableScheduling
@EnableConfigurationProperties({ClaimProperties.class, ChronicDiseaseProperties.class, MaternityProperties.class,
        AssistanceProperties.class})
@Import({EnrollmentReadModel.class, OffsiteFilingReadModel.class})
class ReimbursementConfiguration {

    @Bean
    Clock clock() {
        return Clock.system(Case.ZONE);
    }

    /** The bank: the simulated one unless a region's adapter is configured as a {@link BankPort} bean. */
    @Bean
    @ConditionalOnMissingBean(BankPort.class)
    SimulatedBank simulatedBank(MongoClient client, Clock clock,
                                @Value("${jingban.reimbursement.simulated-bank.database:jingban_simulated_bank}") String database,
                                @Value("${jingban.reimbursement.simulated-bank.confirm-delay:PT2S}") Duration delay) {
        return new SimulatedBank(client, database, clock, delay);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes(ApplicationReadyEvent ready) {
        var context = ready.getApplicationContext();
        context.getBean(Entitlements.class).createIndexes()
                .then(context.getBean(PaymentOrders.class).createIndexes())
                .block(Duration.ofSeconds(30));
    }
}
