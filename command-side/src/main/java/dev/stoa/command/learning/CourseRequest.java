package dev.stoa.command.learning;

import dev.stoa.api.catalog.CategoryId;
import dev.stoa.api.learning.CourseDetails;
import dev.stoa.api.platform.Ids;
import jakarta.validation.constraints.*;

/** Body of POST and PUT /api/v1/courses. {@code instructorId}: an admin creating a course for an instructor. */
record CourseRequest(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 20000) @dev.stoa.command.platform.web.VisibleWhenGiven String description,
        @NotNull @PositiveOrZero @Max(10_000_000_000L) Long priceCents,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as USD") String currency,
        @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a UUID") String categoryId,
        @io.swagger.v3.oas.annotations.media.Schema(description = "The quiz average (percent) a student needs to complete "
                + "the course. Left out: the configured default on POST; on PUT the course's own stays")
        @Min(0) @Max(100) Integer passingScore,
        @Pattern(regexp = Ids.UUID_PATTERN, message = "must be a UUID") String instructorId) {

    CourseDetails details() {
        return new CourseDetails(title, description, priceCents, currency,
                categoryId == null ? null : new CategoryId(categoryId), passingScore);
    }
}
