package org.leye.casework.cohorts;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.validation.Valid;

import org.leye.casework.security.CurrentUsers;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The cohorts' totals over HTTP (docs/api.md, Cohorts): city supervisors and administrators only;
 * a district supervisor and every other role get 403 (from {@link Cohorts}).
 */
@RestController
@RequestMapping("/api/cohorts")
@PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
class CohortController {

    private final Cohorts cohorts;
    private final CurrentUsers users;

    CohortController(Cohorts cohorts, CurrentUsers users) {
        this.cohorts = cohorts;
        this.users = users;
    }

    @PutMapping("/{graduationYear}/{universityCode}")
    CohortTotalView put(@PathVariable int graduationYear, @PathVariable String universityCode,
            @Valid @RequestBody SetCohortTotals body) {
        return cohorts.put(graduationYear, universityCode, body.graduates(), body.placedAtLeaving(), users.current());
    }

    @GetMapping
    List<CohortTotalView> list(@RequestParam int graduationYear) {
        return cohorts.list(graduationYear, users.current());
    }

    /** The year's table from a file (multipart part {@code file}): all rows or none. */
    @PostMapping(value = "/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    Cohorts.Uploaded upload(@RequestParam int graduationYear, @RequestPart("file") MultipartFile file)
            throws IOException {
        try (InputStream in = file.getInputStream()) {
            return cohorts.upload(graduationYear, in, users.current());
        }
    }
}
