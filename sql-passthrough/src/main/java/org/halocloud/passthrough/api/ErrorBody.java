package org.halocloud.passthrough.api;

import org.springframework.http.HttpStatus;

/** Halo's error body: {@code {"error": {"status", "statusText", "message"}}}. */
public record ErrorBody(Error error) {

    /** Status only: a message may echo part of a request. */
    @Override
    public String toString() {
        return "ErrorBody[status=" + error.status() + "]";
    }

    public record Error(int status, String statusText, String message) {
    }

    public static ErrorBody of(int status, String message) {
        HttpStatus known = HttpStatus.resolve(status);
        return new ErrorBody(new Error(status, known == null ? "Error" : known.getReasonPhrase(), message));
    }
}
