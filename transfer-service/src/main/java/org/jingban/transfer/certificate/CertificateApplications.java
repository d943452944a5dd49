package org.jingban.transfer.certificate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jingban.platform.cases.CaseActor;
import org.jingban.platform.cases.CaseStatus;
import org.jingban.platform.cases.Channel;
import org.jingban.platform.cases.Reason;
import org.jingban.platform.catalog.Catalog;
import org.jingban.platform.catalog.ItemDefinition;
import org.jingban.platform.security.Caller;
import org.jingban.platform.service.items.ItemApplication;
import org.jingban.platform.service.items.ItemSubmissions;
import org.jingban.platform.web.problem.Violations;
import org.jingban.transfer.TransferProperties;
import org.jingban.transfer.enrollment.EnrolledPerson;
import org.jingban.transfer.enrollment.EnrollmentReadModel;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Applications for 622036003001 出具《参保凭证》 (即办件) on the item extension point: where one is handled, its
 * conditions against the enrollment read model, and the order that keeps the numbers gap-free — the certificate is
 * numbered only for an application the case kernel will accept, and before the case, which then carries its number.
 */
@Service
public class CertificateApplications {

    private final CertificateService certificates;
    private final Catalog catalog;
    private final EnrollmentReadModel enrollment;
    private final ItemSubmissions submissions;
    private final TransferProperties properties;

    public CertificateApplications(CertificateService certificates, Catalog catalog, EnrollmentReadModel enrollment,
                                   ItemSubmissions submissions, TransferProperties properties) {
        this.certificates = certificates;
        this.catalog = catalog;
        this.enrollment = enrollment;
        this.submissions = submissions;
        this.properties = properties;
    }

    /**
     * The item as the 参保地 defines it (its office issues the certificate), once the form has no problem and the
     * 参保地 offers the item; else 400 with every problem, nothing stored. While the 参保地 is unknown the province's
     * definition names the required fields.
     */
    public ItemDefinition itemFor(CertificateApplicationForm form) {
        String code = CertificateService.ITEM_CODE;
        ItemDefinition item = form.knownRegion() ? catalog.find(code, form.regionCode()).orElse(null) : null;
        Violations v = submissions.check(form, item != null ? item : catalog.item(code, properties.homeProvince()));
        if (form.knownRegion()) {
            v.check(item != null, CertificateApplicationForm.REGION, "item.not-offered", "该统筹地区不办理出具《参保凭证》");
        }
        v.throwIfAny();
        return item;
    }

    /**
     * Applies for the certificate. When a condition is unmet or a material missing, the case is stored 不予受理 with
     * every reason (the kernel adds an instant item's missing materials) and the answer is the 422, no number taken;
     * else the certificate is numbered and sealed first, then the case is submitted and 办结 at once with its number,
     * and the certificate names the case. Three writes: a certificate left without a case (a crash, or the kernel
     * refusing after all) has taken its number but is never valid — verification requires its case.
     *
     * @param submitter who submits (checked by the caller of this method before anything is looked up)
     */
    public Mono<InsuranceCertificate> apply(ItemDefinition item, CertificateApplicationForm form, Caller caller,
                                            CaseActor submitter) {
        String region = item.regionCode();
        String type = form.onlyInsuranceType();
        return enrollment.byIdNumber(form.idNumber()).map(Optional::of).defaultIfEmpty(Optional.empty())
                .flatMap(person -> {
                    List<Reason> unmet = conditions(form, person, region);
                    ItemApplication application = ItemApplication.of(item, form, caller)
                            .applicant(form.applicant())
                            .submittedBy(submitter)
                            .channel(caller.isStaff() ? Channel.WINDOW : Channel.PORTAL)
                            .failedChecks(unmet);
                    if (!ItemSubmissions.refusals(application).isEmpty()) {
                        return submissions.submitCase(application).flatMap(c -> Mono.error(ItemSubmissions.notAccepted(c)));
                    }
                    return certificates.issue(person.get(), region, type, form.household())
                            .flatMap(cert -> submissions.submitCase(application.details(Map.of("凭证号", cert.number(),
                                            "凭证编号", cert.id())))
                                    .flatMap(c -> c.getStatus() == CaseStatus.COMPLETED ? certificates.attachCase(cert, c.getCaseNumber())
                                            : Mono.error(ItemSubmissions.notAccepted(c))));
                });
    }

    /** The conditions (可出具): insured in the 参保地 (in the 险种 asked for), under the name registered with the number. */
    private static List<Reason> conditions(CertificateApplicationForm form, Optional<EnrolledPerson> found,
                                           String region) {
        List<Reason> unmet = new ArrayList<>();
        if (found.isEmpty()) {
            unmet.add(Reason.at("证件类型及号码", "not-insured", "未查询到该人员的参保信息"));
            return unmet;
        }
        if (!found.get().getName().equals(form.applicant().name())) {
            unmet.add(Reason.at("姓名", "name-mismatch", "姓名与证件号码登记信息不符"));
        }
        String type = form.onlyInsuranceType();
        if (CertificateService.insuranceRows(found.get(), region, type, "").isEmpty()) {
            unmet.add(Reason.at(CertificateApplicationForm.REGION, "not-insured-here",
                    "该人员在" + region + "没有" + (type == null ? "" : type) + "参保记录"));
        }
        return unmet;
    }
}
