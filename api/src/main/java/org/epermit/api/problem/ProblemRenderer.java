package org.epermit.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import org.epermit.api.common.RequestIds;

import java.util.List;

/** Renders problems: the only place that builds an error body. */
@ApplicationScoped
public class ProblemRenderer {

    private final ObjectMapper json;

    public ProblemRenderer(ObjectMapper json) {
        this.json = json;
    }

    public Problem problem(ErrorCode code, Message detail, List<FieldError> errors, Language language,
                           String path, String requestId) {
        return new Problem(code.typeUri(), code.title(language), code.status(), detail.in(language), path,
                code.name(),
                errors.stream().map(e -> new Problem.Error(e.path(), e.code(), e.message().in(language))).toList(),
                requestId);
    }

    /**
     * Ends a request refused outside JAX-RS (in a Vert.x route handler) with a problem, in the caller's language.
     * Headers already put on the response (Retry-After, rate-limit fields) are kept.
     */
    public void respond(RoutingContext rc, ErrorCode code, Message detail) {
        if (rc.response().ended() || rc.response().headWritten()) {
            return;
        }
        Language language = Language.fromAcceptLanguage(rc.request().getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        Problem problem = problem(code, detail, List.of(), language, rc.normalizedPath(), RequestIds.of(rc));
        rc.response().setStatusCode(code.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, language == Language.ZH ? "zh" : "en")
                .putHeader(RequestIds.HEADER, problem.requestId())
                .end(json(problem));
    }

    public String json(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be serialised", e);
        }
    }
}
