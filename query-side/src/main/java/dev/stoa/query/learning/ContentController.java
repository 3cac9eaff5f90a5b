package dev.stoa.query.learning;

import dev.stoa.api.learning.ContentUrls;
import dev.stoa.api.platform.DomainException;
import dev.stoa.api.platform.ErrorCode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * Serves stored lesson media to whoever holds a valid signed URL (no token: the signature is the permission). A
 * {@code Range} request is answered 206 with {@code Content-Range} by Spring's resource support, so players can seek;
 * a range that starts past the end is 416 {@code range_not_satisfiable} (a problem, with {@code Content-Range: bytes
 * *&#47;<length>}), and a {@code Range} header that does not parse is ignored (200, the whole file), as RFC 9110
 * (section 14.2) asks. Before 2026-12-05 both were 416 with the whole file as the body, under the file's media type.
 * Every answer names the file {@code lesson.<ext>} for its type ({@code Content-Disposition: inline}), where Spring
 * otherwise names a download {@code f.txt}.
 */
@RestController
@Tag(name = "Courses")
class ContentController {
    private static final Map<String, String> EXTENSIONS = Map.of("video/mp4", "mp4", "video/webm", "webm",
            "application/pdf", "pdf", "image/png", "png", "image/jpeg", "jpg");
    private final ContentUrls urls;
    private final ContentFiles files;

    ContentController(ContentUrls urls, ContentFiles files) {
        this.urls = urls;
        this.files = files;
    }

    @GetMapping(ContentUrls.PATH + "{ref}")
    @Operation(operationId = "getContent", summary = "Lesson media by signed URL (from getLessonContent); Range requests "
            + "answer 206, a range past the end 416 range_not_satisfiable, an unreadable Range the whole file; expired or "
            + "tampered 403")
    @ApiResponse(responseCode = "200", description = "The whole file, under its type (video/mp4, video/webm, application/pdf, "
            + "image/png, image/jpeg)", content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    @ApiResponse(responseCode = "206", description = "The ranges asked for (Content-Range; several: multipart/byteranges)",
            content = @Content(mediaType = "*/*", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<?> content(@PathVariable String ref, @RequestParam(required = false) Long expires,
                                     @RequestParam(required = false) String signature,
                                     @RequestHeader(value = HttpHeaders.RANGE, required = false) String range) {
        urls.verify(ref, expires, signature);
        ContentFiles.Stored stored = files.open(ref).orElseThrow(() -> DomainException.notFound("content " + ref));
        long length = length(stored.resource());
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok().contentType(stored.mediaType())
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("lesson." + EXTENSIONS.getOrDefault(stored.mediaType().toString(), "bin")).build().toString());
        if (range == null) return ok.body(stored.resource());
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(range);
        } catch (IllegalArgumentException unreadable) {
            // ignored: the whole file, in a resource Spring does not cut by the request's Range
            return ok.contentLength(length).body(new InputStreamResource(open(stored.resource())));
        }
        try {
            HttpRange.toResourceRegions(ranges, stored.resource()); // what Spring cuts below: refused here, as a problem
        } catch (IllegalArgumentException pastTheEnd) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE,
                    "the content has " + length + " bytes: the Range asks for none of them, or for more than the file");
            problem.setProperty("code", ErrorCode.RANGE_NOT_SATISFIABLE.code());
            // named as what it is, a problem: Spring named it f.txt (found by a walkthrough, 2026-12-06, ninth session)
            return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename("problem.json").build().toString())
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + length).body(problem);
        }
        return ok.body(stored.resource()); // 206 with the parts asked for (Spring's resource regions)
    }

    private static long length(Resource resource) {
        try {
            return resource.contentLength();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.io.InputStream open(Resource resource) {
        try {
            return resource.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
