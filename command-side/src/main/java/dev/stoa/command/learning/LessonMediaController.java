package dev.stoa.command.learning;

import dev.stoa.api.learning.AttachLessonMedia;
import dev.stoa.api.learning.CheckLessonMediaUpload;
import dev.stoa.api.learning.ContentRefs;
import dev.stoa.api.learning.CourseId;
import dev.stoa.api.learning.DetachLessonMedia;
import dev.stoa.api.learning.LessonId;
import dev.stoa.api.platform.Actor;
import dev.stoa.api.platform.DomainException;
import dev.stoa.command.platform.Refusals;
import dev.stoa.command.platform.web.Commands;
import dev.stoa.command.platform.web.NothingRan;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.multipart.MultipartFile;

/**
 * Upload of a lesson's media: size-limited ({@code stoa.learning.content.max-upload-size}), typed by its bytes, checked
 * by the Course aggregate (who may, whether the lesson takes it) before anything is stored, put in the content store
 * under a new reference of this course, then attached to the lesson. A refused attachment (the course changed in
 * between) removes the file again.
 */
@RestController
@RequestMapping("/api/v1/courses")
@Tag(name = "Courses")
class LessonMediaController {
    private static final Logger log = LoggerFactory.getLogger(LessonMediaController.class);
    private final Commands commands;
    private final MediaStore store;
    private final long maxBytes;

    LessonMediaController(Commands commands, MediaStore store,
                          @Value("${stoa.learning.content.max-upload-size:200MB}") DataSize maxUploadSize) {
        this.commands = commands;
        this.store = store;
        this.maxBytes = maxUploadSize.toBytes();
    }

    record Uploaded(String contentRef, String mediaType, long sizeBytes) {}

    @PostMapping(path = "/{courseId}/lessons/{lessonId}/media", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "uploadLessonMedia",
            summary = "Upload a lesson's media (multipart part \"file\": mp4, webm, pdf, png or jpeg, by its bytes)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Uploaded> upload(@PathVariable CourseId courseId, @PathVariable LessonId lessonId,
                    @RequestPart("file") MultipartFile file, Actor actor,
                    jakarta.servlet.http.HttpServletRequest request) throws IOException, jakarta.servlet.ServletException {
        // the file itself refused (its parts, empty, too large, not a type lessons take) ran nothing: no answer is kept
        // for its Idempotency-Key, so the right file under the same key runs (it was answered 422
        // idempotency_key_reused before 2026-12-07; walkthrough Z46)
        NothingRan.mark(request);
        onePartNamedFile(request);
        if (file.isEmpty()) throw DomainException.invalidField("file", "the file is empty", "is empty");
        if (file.getSize() > maxBytes)
            throw refuse(HttpStatus.PAYLOAD_TOO_LARGE, "the file is larger than " + maxBytes + " bytes");
        String ref = ContentRefs.newRef(courseId);
        String type;
        try (InputStream raw = file.getInputStream(); BufferedInputStream in = MediaTypes.buffered(raw)) {
            type = MediaTypes.sniff(in);
            if (!MediaTypes.ALLOWED.contains(type))
                throw refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "the file is " + type + "; lessons take " + String.join(", ", MediaTypes.ALLOWED.stream().sorted().toList()));
            request.removeAttribute(NothingRan.ATTRIBUTE); // from here the course decides: its refusals are kept
            // who may, and whether the lesson takes it, before a byte is stored: a stranger's upload never is
            commands.send(new CheckLessonMediaUpload(courseId, lessonId, type, actor));
            store.put(ref, in, file.getSize(), type);
        }
        try {
            commands.send(new AttachLessonMedia(courseId, lessonId, ref, type, file.getSize(), actor));
        } catch (RuntimeException refused) {
            // refused: the file is nobody's; no answer (a timeout): the lesson may point at it already, so it stays
            if (Refusals.any(refused)) discard(ref);
            else log.warn("Upload {} kept: attaching it got no answer and may have landed", ref);
            throw refused;
        }
        // where the lesson's content (a signed URL of this file) is read, as every 201 says where (there was none)
        return ResponseEntity.created(URI.create("/api/v1/courses/" + courseId.value()
                + "/lessons/" + lessonId.value() + "/content")).body(new Uploaded(ref, type, file.getSize()));
    }

    /**
     * Takes the lesson's media off (an upload or a link): a reading keeps its text, a draft video lesson waits for another
     * video. Since 2026-12-07 a lesson's {@code PUT} without {@code contentRef} keeps the media, so this is how it goes.
     */
    @DeleteMapping("/{courseId}/lessons/{lessonId}/media")
    @Operation(operationId = "detachLessonMedia",
            summary = "Take a lesson's media off (a published video lesson keeps its video: 422 lesson_content_missing)")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    ResponseEntity<Void> detach(@PathVariable CourseId courseId, @PathVariable LessonId lessonId, Actor actor) {
        commands.send(new DetachLessonMedia(courseId, lessonId, actor));
        return ResponseEntity.noContent().build();
    }

    /**
     * The upload is its one part {@code file}, as a JSON body is its members: a second file was dropped silently, the
     * first one kept, and a part of another name ignored, before 2026-12-07, sixth session (walkthrough Z24), so the
     * lesson could end up with a file the client did not mean.
     */
    private static void onePartNamedFile(jakarta.servlet.http.HttpServletRequest request)
            throws IOException, jakarta.servlet.ServletException {
        int files = 0;
        for (jakarta.servlet.http.Part part : request.getParts()) {
            if (!"file".equals(part.getName()))
                throw DomainException.invalidField(part.getName(), "the upload has a part " + part.getName()
                        + "; its one part is file", "is not a part of this upload: its one part is file");
            if (++files > 1)
                throw DomainException.invalidField("file", "the upload has more than one part file",
                        "must be given once: one file an upload");
        }
    }

    private void discard(String ref) {
        try {
            store.delete(ref);
        } catch (IOException | RuntimeException e) {
            log.warn("Refused upload {} not removed from the content store: {}", ref, e.toString());
        }
    }

    private static ErrorResponseException refuse(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
