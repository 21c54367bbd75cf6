package org.epermit.api.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Sends HTTP/1.1 requests byte for byte as given, one connection each, for tests of what ordinary clients refuse to
 * send: malformed percent-encoding in the request target, raw control characters or UTF-8 in header values, bodies
 * that are not what their Content-Type says. It reads the answer (Content-Length, chunked or until close).
 */
public final class RawRequests {

    private static final int MAX_HEAD = 64 * 1024;

    private final String host;
    private final int port;
    private final int timeoutMillis;

    public RawRequests(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** One header line as sent: name and value go on the wire as their UTF-8 bytes, unchecked. */
    public record Header(String name, String value) {
    }

    public record Response(int status, List<Header> headers, byte[] body) {

        /** The first value of the header, matched without regard to case. */
        public Optional<String> header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /**
     * Sends {@code method target HTTP/1.1}, a Host header, {@code Connection: close}, the given headers and, when
     * {@code body} is not null, a Content-Length for it and the body.
     */
    public Response send(String method, String target, List<Header> headers, byte[] body) throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        head.append("Host: ").append(host).append(':').append(port).append("\r\n");
        head.append("Connection: close\r\n");
        for (Header h : headers) {
            head.append(h.name()).append(": ").append(h.value()).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            var out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(new java.io.BufferedInputStream(socket.getInputStream()), method);
        }
    }

    private static Response read(InputStream in, String method) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("connection closed before any answer");
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<Header> headers = new ArrayList<>();
        int size = statusLine.length();
        for (String l; (l = line(in)) != null && !l.isEmpty(); ) {
            size += l.length();
            if (size > MAX_HEAD) {
                throw new IOException("answer head over " + MAX_HEAD + " bytes");
            }
            int colon = l.indexOf(':');
            headers.add(colon < 0 ? new Header(l, "") : new Header(l.substring(0, colon).strip(), l.substring(colon + 1).strip()));
        }
        Response bare = new Response(status, headers, new byte[0]);
        if (method.equals("HEAD") || status / 100 == 1 || status == 204 || status == 304) {
            return bare;
        }
        Optional<String> encoding = bare.header("Transfer-Encoding");
        if (encoding.isPresent() && encoding.get().toLowerCase(Locale.ROOT).contains("chunked")) {
            return new Response(status, headers, chunked(in));
        }
        Optional<String> length = bare.header("Content-Length");
        if (length.isPresent()) {
            return new Response(status, headers, in.readNBytes(Integer.parseInt(length.get().strip())));
        }
        return new Response(status, headers, in.readAllBytes());
    }

    private static byte[] chunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String size; (size = line(in)) != null; ) {
            int semicolon = size.indexOf(';');
            int n = Integer.parseInt((semicolon < 0 ? size : size.substring(0, semicolon)).strip(), 16);
            if (n == 0) {
                while (true) {  // trailers, up to the empty line
                    String trailer = line(in);
                    if (trailer == null || trailer.isEmpty()) {
                        break;
                    }
                }
                break;
            }
            body.write(in.readNBytes(n));
            line(in);
        }
        return body.toByteArray();
    }

    /** A line without its CRLF (or LF), bytes read as ISO-8859-1; null at the end of the stream. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b; (b = in.read()) != -1; ) {
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            line.append((char) b);
            if (line.length() > MAX_HEAD) {
                throw new IOException("line over " + MAX_HEAD + " bytes");
            }
        }
        return line.length() == 0 ? null : line.toString();
    }
}
