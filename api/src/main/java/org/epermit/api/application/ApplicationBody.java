package org.epermit.api.application;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/**
 * An application as filed: its type, the applicant's commitment, and the sections its type needs (CHANGE:
 * {@link Change}; CANCELLATION: {@link Cancellation}; REISSUE: {@link Reissue}; RENEWAL: none beyond the statement;
 * INITIAL: {@link Enterprise} and a {@link PermitDraft}; REAPPLICATION: a {@link PermitDraft}). Stored as filed,
 * without absent fields.
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
        @Schema(nullable = true, description = "Why the copy is to be issued again (REISSUE only)") Reissue reissue,
        @Schema(nullable = true, description = "The applicant unit, known by its credit code or new (INITIAL only)") Enterprise enterprise,
        @Schema(nullable = true, description = "The permit applied for (INITIAL and REAPPLICATION only)") PermitDraft draft) {

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

    @Schema(name = "ApplicationEnterprise", description = "The unit an INITIAL application is for. A unit the service knows is "
            + "named by its credit code alone (other fields, if sent, are kept with the application and change nothing: a "
            + "CHANGE does); a new unit gives its name, address and legal representative as its business licence prints them")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Enterprise(
            @Schema(required = true, description = "Unified social credit code (GB 32100-2015)", examples = "91130200699229617X") String creditCode,
            @Schema(nullable = true, maxLength = 200, description = "Required for a new unit", examples = "唐山热电有限公司") String name,
            @Schema(nullable = true, maxLength = 200, description = "Registered address; required for a new unit") String address,
            @Schema(nullable = true, maxLength = 200, description = "Legal representative (法定代表人); required for a new unit, never public")
            String legalRepresentative) {
    }

    @Schema(name = "ApplicationReissue")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Reissue(@Schema(required = true) ReissueCircumstance circumstance) {
    }
}
