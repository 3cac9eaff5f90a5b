package dev.stoa.query.learning;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.stoa.api.learning.CertificateId;
import dev.stoa.api.learning.CertificateView;
import dev.stoa.api.learning.CourseId;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CertificatePdfTest {
    private final CertificatePdf pdf = new CertificatePdf("https://stoa.example/api/v1/certificates/");

    @Test
    void thePdfNamesTheStudentTheCourseTheInstructorTheDateAndTheVerificationAddress() throws Exception {
        CertificateId id = CertificateId.random();
        byte[] document = pdf.render(new CertificateView(id, "Zoë Łukasiewicz-Дмитриева", CourseId.random(),
                "Event sourcing in practice", "Ada Lovelace", Instant.parse("2026-12-02T09:30:00Z"), 85, true, null));

        assertThat(new String(document, 0, 5)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(document);
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        String text = new PdfTextExtractor(reader).getTextFromPage(1);
        assertThat(text).contains("Zoë Łukasiewicz-Дмитриева", "Event sourcing in practice", "taught by Ada Lovelace",
                "2 December 2026", "quiz average of 85%", "https://stoa.example/api/v1/certificates/" + id.value());
        assertThat(reader.getInfo().get("Title")).isEqualTo("Certificate of completion: Event sourcing in practice");
    }

    @Test
    void aCourseWithoutQuizOrInstructorNameStillRenders() throws Exception {
        byte[] document = pdf.render(new CertificateView(CertificateId.random(), "[erased]", CourseId.random(), "Course",
                null, Instant.parse("2026-01-05T00:00:00Z"), null, true, null));
        String text = new PdfTextExtractor(new PdfReader(document)).getTextFromPage(1);
        assertThat(text).contains("[erased]", "on 5 January 2026").doesNotContain("quiz average", "taught by");
    }
}
