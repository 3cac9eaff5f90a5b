package dev.stoa.command.review;

import io.swagger.v3.oas.annotations.media.Schema;

/** The new review of a product or a course. */
record CreatedReview(@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String reviewId) {}
