package org.epermit.api.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;

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

    public String json(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be serialised", e);
        }
    }
}
