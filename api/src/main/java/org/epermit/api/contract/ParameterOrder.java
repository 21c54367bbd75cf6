package org.epermit.api.contract;

import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Puts an operation's path parameters first, in the order of its path template. Generated clients take them as
 * arguments in the order the contract lists them, and SmallRye lists a parameter declared by reference (a shared one)
 * after those it derives from the method: {@code getPublicPermitVersion(version, permitNumber)} would read backwards.
 */
final class ParameterOrder {

    private static final String PARAMETERS = "#/components/parameters/";

    private ParameterOrder() {
    }

    static void apply(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        Map<String, Parameter> shared = openAPI.getComponents() == null || openAPI.getComponents().getParameters() == null
                ? Map.of() : openAPI.getComponents().getParameters();
        openAPI.getPaths().getPathItems().forEach((template, item) -> {
            for (Operation operation : item.getOperations().values()) {
                if (operation.getParameters() != null) {
                    List<Parameter> ordered = new ArrayList<>(operation.getParameters());
                    // Stable: query and header parameters keep their declared order, after the path's.
                    ordered.sort(Comparator.comparingInt(p -> position(template, resolve(p, shared))));
                    operation.setParameters(ordered);
                }
            }
        });
    }

    private static Parameter resolve(Parameter parameter, Map<String, Parameter> shared) {
        return parameter.getRef() != null && parameter.getRef().startsWith(PARAMETERS)
                ? shared.getOrDefault(parameter.getRef().substring(PARAMETERS.length()), parameter) : parameter;
    }

    private static int position(String template, Parameter parameter) {
        if (parameter.getIn() != Parameter.In.PATH) {
            return Integer.MAX_VALUE;
        }
        int at = template.indexOf("{" + parameter.getName() + "}");
        return at < 0 ? Integer.MAX_VALUE - 1 : at;
    }
}
