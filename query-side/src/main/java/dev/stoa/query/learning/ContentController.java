package dev.stoa.query.learning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

/**
 * Serves stored lesson media to whoever holds a valid signed URL (no token: the signature is the permission). A
 * {@code Range} request is answered 206 with {@code Content-Range} by Spring's resource support, so players can seek.
 */
@RestController
@Tag(name = "Courses")
class ContentController {
    private final ContentUrls urls;
    private final ContentFiles files;

    ContentController(ContentUrls urls, ContentFiles files) {
        this.urls = urls;
        this.files = files;
    }

    @GetMapping(ContentUrls.PATH + "{ref}")
    @Operation(operationId = "getContent",
            summary = "Lesson media by signed URL (from getLessonContent); Range requests answer 206; expired or tampered 403")
    ResponseEntity<Resource> content(@PathVariable String ref, @RequestParam(required = false) Long expires,
                                     @RequestParam(required = false) String signature) {
        urls.verify(ref, expires, signature);
        ContentFiles.Stored stored = files.open(ref)
                .orElseThrow(() -> dev.stoa.api.platform.DomainException.notFound("content " + ref));
        return ResponseEntity.ok().contentType(stored.mediaType())
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePrivate())
                .header("Accept-Ranges", "bytes")
                .body(stored.resource());
    }
}
