package ru.ccbilling.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import ru.ccbilling.refusal.Refusal;
import ru.ccbilling.refusal.Text;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The most a request body may hold, per endpoint: a body announcing more (Content-Length) is refused before it is
 * read, and one sent without a length (chunked) is cut when it passes the limit; 413 either way, nothing stored.
 * Without it a JSON body is read whole into memory before anything checks it. Limits are properties
 * ({@code ccbilling.limits.*}); file imports stream to a temp file and get the largest.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class BodyLimits extends OncePerRequestFilter {

    private static final AntPathMatcher PATHS = new AntPathMatcher();
    private static final List<String> BATCHES = List.of("/api/v1/cdrs", "/api/v1/rating/simulate",
            "/api/v1/service-events", "/api/v1/rejects/reprocess", "/api/v1/tariffs/*/versions/*/simulate");

    private final long json;
    private final long batch;
    private final long tariffModel;
    private final long registry;
    private final long cdrFile;
    private final ObjectMapper mapper;

    BodyLimits(@Value("${ccbilling.limits.json-body:1MB}") DataSize json,
               @Value("${ccbilling.limits.batch-body:16MB}") DataSize batch,
               @Value("${ccbilling.limits.tariff-model-body:8MB}") DataSize tariffModel,
               @Value("${ccbilling.limits.registry-body:64MB}") DataSize registry,
               @Value("${ccbilling.limits.cdr-file-body:512MB}") DataSize cdrFile, ObjectMapper mapper) {
        this.json = json.toBytes();
        this.batch = batch.toBytes();
        this.tariffModel = tariffModel.toBytes();
        this.registry = registry.toBytes();
        this.cdrFile = cdrFile.toBytes();
        this.mapper = mapper;
    }

    long limitFor(String path) {
        if (path.equals("/api/v1/cdrs/import")) {
            return cdrFile;
        }
        if (path.equals("/api/v1/reference/number-ranges/import")) {
            return registry;
        }
        if (PATHS.match("/api/v1/tariffs/*/versions/*/models/*", path)) {
            return tariffModel;
        }
        return BATCHES.stream().anyMatch(p -> PATHS.match(p, path)) ? batch : json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getContentLengthLong() > limit) {
            refuse(request, response, tooLarge(limit));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, Refusal tooLarge) throws IOException {
        // the client may still be sending: it should not send the rest on this connection
        response.setHeader("Connection", "close");
        Problems.write(response, tooLarge, Problems.language(request), mapper);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream body;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (body == null) {
                body = new LimitedStream(super.getInputStream(), limit);
            }
            return body;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * 413 naming the body. Unchecked, so that a reader that turns I/O errors into its own refusal (an import's "the
     * file could not be read") lets it through.
     */
    static Refusal tooLarge(long limit) {
        return Refusal.field(Refusal.Kind.TOO_LARGE, "body", Text.of("body.tooLarge", limit));
    }
}
