package org.epermit.api.filing;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where a report version was filed: through this API (with its signed receipt), or imported without one. */
@Schema(name = "ReportSource", description = "API: filed through this API, with its signed receipt; IMPORTED: "
        + "imported from another platform (the demo data's history, a migration), accepted there, without a receipt of ours")
public enum ReportSource { API, IMPORTED }
