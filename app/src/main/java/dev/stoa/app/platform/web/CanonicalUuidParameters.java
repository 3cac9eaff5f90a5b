package dev.stoa.app.platform.web;

import dev.stoa.api.platform.Ids;
import java.beans.PropertyEditorSupport;
import java.util.UUID;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A UUID in a path or a query is read in its canonical shape only (8-4-4-4-12 hex digits, either case, nothing around
 * it), as the typed ids are ({@link Ids#uuid}). Spring's own reading trims it and takes what {@link UUID#fromString}
 * takes, and falls back to its default {@code UUIDEditor} when a converter refuses: {@code /refunds/1-2-3-4-5} was
 * looked up as {@code 00000001-0002-...} (404 naming an id nobody sent) and {@code /payments/%20<id>} found the payment
 * (before 2026-12-07; walkthrough). A custom editor is asked first, so nothing falls back. Empty stays absent.
 */
@ControllerAdvice
class CanonicalUuidParameters {
    @InitBinder
    void canonicalUuids(WebDataBinder binder) {
        binder.registerCustomEditor(UUID.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text == null || text.isEmpty()) {
                    setValue(null);
                } else if (Ids.isUuid(text)) {
                    setValue(UUID.fromString(text));
                } else {
                    throw new IllegalArgumentException("not a UUID (8-4-4-4-12 hex digits)");
                }
            }

            @Override
            public String getAsText() {
                return getValue() == null ? "" : getValue().toString();
            }
        });
    }
}
