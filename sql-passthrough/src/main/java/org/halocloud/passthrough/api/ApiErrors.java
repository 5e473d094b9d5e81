package org.halocloud.passthrough.api;

import org.halocloud.kernel.frontdoor.Refusal;
import org.halocloud.kernel.pipeline.Incident;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every failure of the REST API answers in Halo's error shape with a status that says what went wrong — never a
 * stack trace. Unexpected errors are logged by type and an incident id only: messages may quote SQL or values.
 */
@RestControllerAdvice
public class ApiErrors {

    @ExceptionHandler(Refusal.class)
    ResponseEntity<ErrorBody> refused(Refusal e) {
        HttpHeaders headers = new HttpHeaders();
        e.headers().forEach(headers::add);
        return ResponseEntity.status(e.status()).headers(headers).body(ErrorBody.of(e.status(), e.getMessage()));
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ResponseEntity<ErrorBody> badRequest(Exception e) {
        String message = e instanceof MissingServletRequestParameterException m
                ? "The query parameter " + m.getParameterName() + " must be provided."
                : e instanceof MethodArgumentTypeMismatchException m
                ? "The value of " + m.getName() + " is not valid."
                : "The request body could not be read.";
        return ResponseEntity.badRequest().body(ErrorBody.of(400, message));
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    ResponseEntity<ErrorBody> missingHeader(MissingRequestHeaderException e) {
        return ResponseEntity.badRequest().body(ErrorBody.of(400, "The header " + e.getHeaderName() + " must be provided."));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<ErrorBody> notFound(NoResourceFoundException e) {
        return ResponseEntity.status(404).body(ErrorBody.of(404, "No such endpoint."));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ErrorBody> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(405).body(ErrorBody.of(405, "Method " + e.getMethod() + " is not supported here."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ErrorBody> mediaType(HttpMediaTypeNotSupportedException e) {
        return ResponseEntity.status(415).body(ErrorBody.of(415, "Send the request body as application/json."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ErrorBody> unexpected(Exception e) {
        Incident incident = Incident.of("a request", e);
        return ResponseEntity.status(500).body(ErrorBody.of(500, incident.message()));
    }
}
