/**
 * 622036003001 出具《参保凭证》 (即办件, 表8): the application
 * ({@link org.jingban.transfer.certificate.CertificateApplicationForm}), the gap-free numbered and sealed
 * {@link org.jingban.transfer.certificate.InsuranceCertificate}, its printable form and its online verification.
 */
package org.jingban.transfer.certificate;
