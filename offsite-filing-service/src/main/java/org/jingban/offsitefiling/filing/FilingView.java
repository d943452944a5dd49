package org.jingban.offsitefiling.filing;

import java.util.List;

import org.jingban.platform.identifiers.Masking;

/** A filing as the applicant and staff see it: 证件号码 masked, no storage internals. */
public record FilingView(String filingNumber, String kindCode, String kind, String name, String idNumber,
                         String insuranceType, String insuredRegionCode, String destinationCode, String validFrom,
                         String validUntil, String validity, String status, String statusLabel, String path,
                         List<String> promisedMaterials, String promiseRetainedUntil, String replaces,
                         String replacedBy) {
    static FilingView of(Filing f) {
        return new FilingView(f.getFilingNumber(), f.getKind().itemCode(), f.getKind().label(), f.getName(),
                Masking.idNumber(f.getIdNumber()), f.getInsuranceType(),
                f.getInsuredRegionCode(), f.getDestinationCode(), String.valueOf(f.getValidFrom()),
                f.getValidUntil() == null ? null : f.getValidUntil().toString(), f.validityText(),
                f.getStatus().name(), f.getStatus().label(), f.getPath().name(),
                f.getPromise() == null ? List.of() : f.getPromise().replacedMaterials(),
                f.getPromise() == null ? null : f.getPromise().retainUntil().toString(), f.getReplaces(),
                f.getReplacedBy());
    }
}
