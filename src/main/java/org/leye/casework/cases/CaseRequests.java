package org.leye.casework.cases;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the case endpoints. */
final class CaseRequests {

    private CaseRequests() {
    }

    record RegisterDestination(@NotBlank @Size(max = 32) String code, LocalDate date, @Size(max = 128) String employer) {
    }

    record Close(@NotNull CloseReason reason, @Size(max = 500) String note) {
    }

    record Move(@NotBlank @Size(max = 32) String district, @NotBlank @Size(max = 500) String reason) {
    }

    record Reopen(@NotBlank @Size(max = 500) String reason) {
    }
}
