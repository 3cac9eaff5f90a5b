package dev.stoa.app.platform.web;

import dev.stoa.api.platform.ErrorCode;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A request body went past {@code stoa.http.max-body-size} while being read. */
class BodyTooLargeException extends IOException {
    private final long limit;

    BodyTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
        this.limit = limit;
    }

    ProblemDetail problem() {
        return Problems.of(ErrorCode.PAYLOAD_TOO_LARGE,
                "the request body is larger than the limit of " + limit + " bytes");
    }
}
