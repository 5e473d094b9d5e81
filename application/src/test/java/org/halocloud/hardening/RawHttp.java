package org.halocloud.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte by byte over a socket, for requests no well-behaved client would send (bare CRs, NULs,
 * bad escapes, spoofed Host headers). Every request asks for {@code Connection: close}; the answer is read to EOF.
 */
final class RawHttp {

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    record Answer(int status, List<String> headers, String body) {

        List<String> header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headers.stream().filter(h -> h.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(h -> h.substring(prefix.length()).trim()).toList();
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + body;
        }
    }

    /** A request line, headers (Host and Connection: close added unless given) and a body. */
    Answer send(String method, String target, Map<String, String> headers, byte[] body) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        write(out, method + " " + target + " HTTP/1.1\r\n");
        if (headers.keySet().stream().noneMatch(h -> h.equalsIgnoreCase("Host"))) {
            write(out, "Host: localhost:" + port + "\r\n");
        }
        for (Map.Entry<String, String> h : headers.entrySet()) {
            write(out, h.getKey() + ": " + h.getValue() + "\r\n");
        }
        if (body != null) {
            write(out, "Content-Length: " + body.length + "\r\n");
        }
        write(out, "Connection: close\r\n\r\n");
        if (body != null) {
            out.write(body);
        }
        return exchange(out.toByteArray());
    }

    Answer get(String target, Map<String, String> headers) throws IOException {
        return send("GET", target, headers, null);
    }

    /** Exactly these bytes (ISO-8859-1 for the string form), then the answer. */
    Answer exchange(String request) throws IOException {
        return exchange(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    Answer exchange(byte[] request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            try {
                out.write(request);
                out.flush();
                socket.shutdownOutput();
            } catch (IOException e) {
                // the server may answer and close before it has read a large request: read what it said
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException | java.net.SocketException e) {
            if (all.size() == 0) {
                throw e;
            }
        }
        return all.toByteArray();
    }

    private static Answer parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(-1, List.of(), text);
        }
        String[] head = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(head[0].substring(9, 12));
        List<String> headers = new ArrayList<>(List.of(head).subList(1, head.length));
        byte[] rest = java.util.Arrays.copyOfRange(bytes, end + 4, bytes.length);
        boolean chunked = headers.stream().anyMatch(h -> h.toLowerCase(Locale.ROOT).startsWith("transfer-encoding:")
                && h.toLowerCase(Locale.ROOT).contains("chunked"));
        return new Answer(status, headers, new String(chunked ? dechunk(rest) : rest, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < body.length) {
            int lineEnd = indexOf(body, i);
            if (lineEnd < 0) {
                break;
            }
            String sizeText = new String(body, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim();
            int size = sizeText.isEmpty() ? 0 : Integer.parseInt(sizeText, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            out.write(body, start, Math.min(size, body.length - start));
            i = start + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
