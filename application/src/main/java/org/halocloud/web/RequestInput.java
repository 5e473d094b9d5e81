package org.halocloud.web;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.halocloud.passthrough.api.ErrorBody;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.ObjectMapper;

/**
 * The one place request input is decoded and validated, for both APIs and the operator API, before any framework
 * parses it: the path's %-escapes, the query string and a form body (application/x-www-form-urlencoded) are decoded
 * strictly — a malformed or truncated escape, bytes that are not valid in the charset (UTF-8 unless the form says
 * otherwise) or a control character is a 400; a form body over 2 MiB is a 413 — and the request goes on with the
 * parameters decoded here, so neither Tomcat's nor HAPI's lenient decoders ever see input they would fail on (a 500)
 * or quote in an error. Credentials must come once: a second {@code Ocp-Apim-Subscription-Key} or
 * {@code Authorization} header is a 401, so no API can read a different one than another would.
 *
 * <p>Refusals are OperationOutcomes under a site's FHIR base and Halo's error body elsewhere; they never quote the
 * input.
 */
public class RequestInput extends OncePerRequestFilter {

    /** The largest form body accepted (Tomcat's own default limit). */
    public static final int MAX_FORM_BYTES = 2 * 1024 * 1024;

    private static final List<String> CREDENTIAL_HEADERS = List.of("Ocp-Apim-Subscription-Key", "Authorization");
    private static final Pattern FHIR_PATH = Pattern.compile("^/integrator/sites/[^/]+/fhir/.*");

    private final FhirContext fhir;
    private final ObjectMapper json;

    public RequestInput(FhirContext fhir, ObjectMapper json) {
        this.fhir = fhir;
        this.json = json;
    }

    /** Input that cannot be accepted; the message never holds any of it. */
    static final class Rejected extends Exception {
        final int status;

        Rejected(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest decoded;
        try {
            decoded = decode(request);
        } catch (Rejected r) {
            refuse(request, response, r.status, r.getMessage());
            return;
        }
        chain.doFilter(decoded, response);
    }

    private HttpServletRequest decode(HttpServletRequest request) throws Rejected, IOException {
        for (String header : CREDENTIAL_HEADERS) {
            Enumeration<String> values = request.getHeaders(header);
            if (values != null && values.hasMoreElements()) {
                values.nextElement();
                if (values.hasMoreElements()) {
                    throw new Rejected(401, "Access denied: send the " + header + " header once.");
                }
            }
        }
        String path = request.getRequestURI();
        if (path != null) {
            decodeComponent(path, false, StandardCharsets.UTF_8, "The request path");
        }
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        String query = request.getQueryString();
        if (query != null) {
            parse(query, StandardCharsets.UTF_8, parameters, "The query string");
        }
        byte[] body = null;
        if (isForm(request.getContentType())) {
            long length = request.getContentLengthLong();
            if (length > MAX_FORM_BYTES) {
                throw new Rejected(413, "The form body is larger than " + MAX_FORM_BYTES + " bytes.");
            }
            body = read(request.getInputStream());
            Charset charset = charset(request.getContentType());
            String text = strict(ByteBuffer.wrap(body), charset, "The form body");
            parse(text, charset, parameters, "The form body");
        }
        return new Decoded(request, parameters, body);
    }

    private static byte[] read(InputStream in) throws Rejected {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                if (out.size() > MAX_FORM_BYTES) {
                    throw new Rejected(413, "The form body is larger than " + MAX_FORM_BYTES + " bytes.");
                }
            }
        } catch (IOException e) {
            throw new Rejected(400, "The form body could not be read to its end.");
        }
        return out.toByteArray();
    }

    private static boolean isForm(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_FORM_URLENCODED.equalsTypeAndSubtype(MediaType.parseMediaType(contentType));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Charset charset(String contentType) throws Rejected {
        try {
            Charset charset = MediaType.parseMediaType(contentType).getCharset();
            return charset == null ? StandardCharsets.UTF_8 : charset;
        } catch (RuntimeException e) {
            throw new Rejected(415, "The form body's charset is not supported.");
        }
    }

    /** {@code name=value&…}, each side %-decoded ({@code +} is a space), as HTML forms and query strings write them. */
    private static void parse(String text, Charset charset, Map<String, List<String>> into, String what) throws Rejected {
        if (text.isEmpty()) {
            return;
        }
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decodeComponent(eq < 0 ? pair : pair.substring(0, eq), true, charset, what);
            String value = eq < 0 ? "" : decodeComponent(pair.substring(eq + 1), true, charset, what);
            into.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
    }

    /** Strict %-decoding: every escape two hex digits, the bytes valid in the charset, no control characters. */
    static String decodeComponent(String raw, boolean plusIsSpace, Charset charset, String what) throws Rejected {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length() * 4);
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    throw new Rejected(400, what + " holds a truncated %-escape.");
                }
                int hi = Character.digit(raw.charAt(i + 1), 16);
                int lo = Character.digit(raw.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new Rejected(400, what + " holds a malformed %-escape (two hex digits must follow %).");
                }
                bytes.put((byte) (hi * 16 + lo));
                i += 2;
            } else if (c == '+' && plusIsSpace) {
                bytes.put((byte) ' ');
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                bytes.put(String.valueOf(c).getBytes(charset));
            }
        }
        bytes.flip();
        String text = strict(bytes, charset, what);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7F) {
                throw new Rejected(400, what + " holds a control character.");
            }
        }
        return text;
    }

    private static String strict(ByteBuffer bytes, Charset charset, String what) throws Rejected {
        try {
            CharBuffer chars = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new Rejected(400, what + " is not valid " + charset.name() + ".");
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        String path = request.getRequestURI() == null ? "" : request.getRequestURI().substring(
                Math.min(request.getContextPath().length(), request.getRequestURI().length()));
        byte[] body;
        if (FHIR_PATH.matcher(path).matches()) {
            OperationOutcome outcome = new OperationOutcome();
            outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR)
                    .setCode(status == 401 ? OperationOutcome.IssueType.LOGIN
                            : status == 413 ? OperationOutcome.IssueType.TOOLONG : OperationOutcome.IssueType.INVALID)
                    .setDiagnostics(message);
            body = fhir.newJsonParser().encodeResourceToString(outcome).getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/fhir+json;charset=UTF-8");
        } else {
            body = json.writeValueAsBytes(ErrorBody.of(status, message));
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        }
        if (status == 401 && path.startsWith("/admin")) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"halo-operator\"");
        }
        // the request may still hold an unread body: do not keep the connection for the next one
        response.setHeader("Connection", "close");
        response.setStatus(status);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The request with the parameters decoded here, and a form body (already read) served again from memory. */
    private static final class Decoded extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;
        private final byte[] body;

        Decoded(HttpServletRequest request, Map<String, List<String>> parameters, byte[] body) {
            super(request);
            Map<String, String[]> copy = new LinkedHashMap<>();
            parameters.forEach((name, values) -> copy.put(name, values.toArray(String[]::new)));
            this.parameters = Collections.unmodifiableMap(copy);
            this.body = body;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                return super.getInputStream();
            }
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("not asynchronous");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (body == null) {
                return super.getReader();
            }
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding.toLowerCase(Locale.ROOT));
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
