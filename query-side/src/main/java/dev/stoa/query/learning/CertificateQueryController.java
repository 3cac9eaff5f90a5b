package dev.stoa.query.learning;

import dev.stoa.api.learning.CertificateId;
import dev.stoa.api.learning.CertificateView;
import dev.stoa.api.learning.FindCertificate;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import dev.stoa.query.platform.Queries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * Public verification of completion certificates: anyone holding a certificate's id (printed on it) can check who
 * completed which course when, and download the document.
 */
@RestController
@RequestMapping("/api/v1/certificates/{certificateId}")
@Tag(name = "Courses")
class CertificateQueryController {
    private final Queries queries;
    private final CertificatePdf pdf;

    CertificateQueryController(Queries queries, @Value("${stoa.public-url:http://localhost:8080}") String publicUrl) {
        this.queries = queries;
        this.pdf = new CertificatePdf(publicUrl.replaceAll("/+$", "") + "/api/v1/certificates/");
    }

    @GetMapping
    @Operation(operationId = "verifyCertificate",
            summary = "Verify a completion certificate: student, course, instructor, date, and whether it is still valid "
                    + "(revoked once the course's access was refunded or cancelled) (anyone)")
    CertificateView verify(@PathVariable CertificateId certificateId) { return find(certificateId); }

    @GetMapping(value = "/pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(operationId = "downloadCertificatePdf", summary = "A completion certificate as a PDF document (anyone)")
    @ApiResponse(responseCode = "200", description = "The certificate",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> document(@PathVariable CertificateId certificateId) {
        CertificateView certificate = find(certificateId);
        if (!certificate.valid())
            throw new DomainException(ErrorCode.CERTIFICATE_REVOKED, "certificate " + certificateId.value() + " was revoked at "
                    + certificate.revokedAt() + ": the access to its course was refunded or cancelled");
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("certificate-" + certificateId.value() + ".pdf").build().toString())
                .cacheControl(CacheControl.noStore()) // it names a person: gone everywhere the moment they are erased
                .body(pdf.render(certificate));
    }

    private CertificateView find(CertificateId certificateId) {
        CertificateView found = queries.ask(new FindCertificate(certificateId), CertificateView.class);
        if (found == null) throw DomainException.notFound("certificate " + certificateId);
        return found;
    }
}
