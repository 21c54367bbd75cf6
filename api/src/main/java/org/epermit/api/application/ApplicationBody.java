package org.epermit.api.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * An application as filed on a permit: its type, the applicant's commitment, and the one section its type needs
 * (CHANGE: {@link Change}; CANCELLATION: {@link Cancellation}; REISSUE: {@link Reissue}; RENEWAL: none beyond the
 * statement). Stored as filed, without absent fields.
 */
@Schema(name = "ApplicationBody")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApplicationBody(
        @Schema(required = true) ApplicationType type,
        @Schema(required = true, description = "The unit commits that the application is true; must be true") Boolean truthful,
        @Schema(nullable = true, maxLength = 2000, description = "Free text to the regulator (a renewal's statement of continued compliance)")
        String statement,
        @Schema(nullable = true, description = "What changed and when (CHANGE only)") Change change,
        @Schema(nullable = true, description = "Why the permit is to be cancelled (CANCELLATION only)") Cancellation cancellation,
        @Schema(nullable = true, description = "Why the copy is to be issued again (REISSUE only)") Reissue reissue) {

    static final int STATEMENT_MAX = 2000;
    static final int VALUE_MAX = 200;

    @Schema(name = "ApplicationChange")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(
            @Schema(required = true, description = "The day the change took effect (China time)") LocalDate changedOn,
            @Schema(required = true, description = "Each field that changed, once") List<ChangedItem> items) {
    }

    @Schema(name = "ApplicationChangedItem")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChangedItem(
            @Schema(required = true) ChangedField field,
            @Schema(nullable = true, maxLength = 200, description = "The new value (required for NAME, ADDRESS, LEGAL_REPRESENTATIVE, PRINCIPAL_PERSON)")
            String value) {
    }

    @Schema(name = "ApplicationCancellation")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Cancellation(@Schema(required = true) CancellationReason reason,
                               @Schema(nullable = true, maxLength = 2000) String explanation) {
    }

    @Schema(name = "ApplicationReissue")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reissue(@Schema(required = true) ReissueCircumstance circumstance) {
    }
}
