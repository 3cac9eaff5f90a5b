package dev.stoa.query.learning;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import dev.stoa.api.learning.CertificateView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Renders a certificate as a one-page landscape PDF with OpenPDF: student, course, instructor, date (UTC) and the
 * verification id with the address where anyone can check it. The text is set in Liberation Sans, which OpenPDF ships,
 * embedded as a subset, so names in Latin, Greek or Cyrillic script print as written.
 */
class CertificatePdf {
    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);
    private final String verifyBase;

    /** @param verifyBase the public address a verification id is appended to (ends with {@code /certificates/}) */
    CertificatePdf(String verifyBase) { this.verifyBase = verifyBase; }

    byte[] render(CertificateView c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 72, 72, 90, 72);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Certificate of completion: " + c.courseTitle());
            document.addCreator("Stoa");
            document.open();
            BaseFont base = BaseFont.createFont(FONT, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            document.add(line("Certificate of completion", new Font(base, 30), 36));
            document.add(line("This certifies that", new Font(base, 14), 12));
            document.add(line(c.studentName(), new Font(base, 26), 18));
            document.add(line("has completed the course", new Font(base, 14), 12));
            document.add(line(c.courseTitle(), new Font(base, 22), 18));
            if (c.instructorName() != null) document.add(line("taught by " + c.instructorName(), new Font(base, 14), 30));
            String score = c.quizAverage() == null ? "" : " with a quiz average of " + c.quizAverage() + "%";
            document.add(line("on " + DATE.format(c.issuedAt()) + score, new Font(base, 14), 40));
            document.add(line("Verification id " + c.certificateId().value(), new Font(base, 10), 4));
            document.add(line("Verify at " + verifyBase + c.certificateId().value(), new Font(base, 10), 0));
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("could not render certificate " + c.certificateId(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Paragraph line(String text, Font font, float spacingAfter) {
        Paragraph p = new Paragraph(text == null ? "" : text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(spacingAfter);
        return p;
    }
}
