package org.jingban.transfer;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jingban.platform.service.items.ItemForm;
import org.jingban.transfer.certificate.InsuranceCertificate;
import org.jingban.transfer.continuation.IncomingTransfer;
import org.jingban.transfer.continuation.TransferOut;
import org.junit.jupiter.api.Test;

/**
 * The aggregates of the two items are domain: they know the contracts' records and the messaging kernel, never the
 * HTTP edge (the web layer, the item forms, Spring's web types). The package cycles are ServiceSmokeTest's.
 */
class TransferArchitectureTest {

    private final JavaClasses service = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.jingban.transfer");

    @Test
    void the_aggregates_know_neither_http_nor_the_forms() {
        noClasses().that().belongToAnyOf(IncomingTransfer.class, TransferOut.class, InsuranceCertificate.class)
                .should().dependOnClassesThat(resideInAnyPackage("org.jingban.platform.web..",
                        "org.jingban.platform.service..", "org.springframework.web..", "org.springframework.http..")
                        .or(assignableTo(ItemForm.class)))
                .because("an aggregate's rules hold whatever channel the application came by")
                .check(service);
    }
}
