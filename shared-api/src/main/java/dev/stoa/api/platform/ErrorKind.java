package dev.stoa.api.platform;

/** The kind of a refused request; the HTTP layer maps each to one status code. */
public enum ErrorKind {
    /** 400 */ BAD_REQUEST,
    /** 401 */ UNAUTHENTICATED,
    /** 403 */ FORBIDDEN,
    /** 404 */ NOT_FOUND,
    /** 409 */ CONFLICT,
    /** 422 */ UNPROCESSABLE,
    /** 429 */ RATE_LIMITED,
    /** 503 */ UNAVAILABLE
}
