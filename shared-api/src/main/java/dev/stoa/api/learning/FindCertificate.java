package dev.stoa.api.learning;

/** A completion certificate by its public id, for anyone who verifies it; unknown id: not found. */
public record FindCertificate(CertificateId certificateId) {}
