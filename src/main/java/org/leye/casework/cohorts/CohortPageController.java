package org.leye.casework.cohorts;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.validation.Valid;

import org.leye.casework.reference.ReferenceData;
import org.leye.casework.reference.ReferenceData.UniversityName;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.CityTime;
import org.leye.casework.shared.problem.DomainProblem;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The cohorts' totals (毕业生总数) of a graduation year, per university, through the same
 * {@link Cohorts} as {@code /api/cohorts}: see what is loaded, correct one university's row, or load
 * the education department's table (all rows or none, each refused row shown with its reason). The
 * city's figures: city supervisors and administrators; a district supervisor, like every other role,
 * gets the 404 page.
 */
@PageController
class CohortPageController {

    static final String FORM = "correction";
    static final String ROLES = "hasAnyRole('SUPERVISOR', 'ADMIN')";
    /** The years the page offers: this many before the current graduation year, and the next one. */
    static final int YEARS_BACK = 5;

    /** The columns of the file as the page names them, by the field of a row's error. */
    static final Map<String, String> COLUMN_LABELS = Map.of("university", "web.cohorts.university", "graduates",
            "web.cohorts.graduates", "placedAtLeaving", "web.cohorts.placedAtLeaving");
    private static final Pattern ROW_FIELD = Pattern.compile("rows\\[(\\d+)]\\.(\\w+)");

    /** One university of the city's list with its totals of the year, or null when none are loaded. */
    record Row(String code, String name, CohortTotalView totals) {
    }

    /** An upload's refusal of one cell: the row as the user sees it, the column's label, the reason. */
    record RowError(int row, String columnKey, String message) {
    }

    /** What an upload did, for the notice after it (a flash attribute: kept in the session, which the database holds). */
    record UploadSummary(int graduationYear, int created, int changed, int unchanged) implements Serializable {
    }

    private final Cohorts cohorts;
    private final ReferenceData reference;
    private final CurrentUsers users;
    private final Pages pages;
    private final Clock clock;

    CohortPageController(Cohorts cohorts, ReferenceData reference, CurrentUsers users, Pages pages, Clock clock) {
        this.cohorts = cohorts;
        this.reference = reference;
        this.users = users;
        this.pages = pages;
        this.clock = clock;
    }

    /**
     * The year's totals (default the current graduation year, as on the dashboard) and the correction
     * form, filled with the figures of {@code university} when given.
     */
    @GetMapping("/cohorts")
    @PreAuthorize(ROLES)
    String cohorts(@RequestParam(required = false) Integer graduationYear,
            @RequestParam(required = false) String university, Model model) {
        CurrentUser caller = cityCaller();
        int year = graduationYear == null ? currentYear() : graduationYear;
        List<CohortTotalView> loaded = cohorts.list(year, caller);
        String code = university == null ? null
                : reference.universityName(university).map(UniversityName::code).orElse(null);
        CohortTotalView row = loaded.stream().filter(t -> t.universityCode().equals(code)).findFirst().orElse(null);
        model.addAttribute(FORM, CohortForm.of(year, row, code));
        return show(year, loaded, model);
    }

    /** Saved, back to the year's table with a notice; refused, the page again with each message by its field. */
    @PostMapping("/cohorts")
    @PreAuthorize(ROLES)
    String correct(@Valid @ModelAttribute(FORM) CohortForm form, BindingResult result, Model model,
            RedirectAttributes redirect) {
        CurrentUser caller = cityCaller();
        if (!result.hasErrors()) {
            try {
                CohortTotalView saved = cohorts.put(form.getGraduationYear(), form.getUniversityCode(),
                        form.getGraduates(), form.getPlacedAtLeaving(), caller);
                redirect.addAttribute("graduationYear", saved.graduationYear());
                redirect.addFlashAttribute("notice", "web.cohorts.saved");
                redirect.addFlashAttribute("noticeArg", saved.universityName());
                return "redirect:/cohorts";
            } catch (InvalidFieldException refused) {
                Pages.reject(result, refused);
            } catch (NotFoundException unknown) {
                result.rejectValue("universityCode", "validation.cohort.unknownUniversity",
                        new Object[] { form.getUniversityCode() }, "validation.cohort.unknownUniversity");
            }
        }
        model.addAttribute("problemKey", "web.form.fix");
        int year = result.hasFieldErrors("graduationYear") || form.getGraduationYear() == null ? currentYear()
                : form.getGraduationYear();
        return show(year, cohorts.list(year, caller), model);
    }

    /**
     * Loads the year's table from the file. Its refusals are said above the upload form: the file as
     * a whole (no header, unreadable, ...) by its reason, a refused row by row and column, and
     * nothing is changed. A single file is no form to bind, hence the plain parameters.
     */
    @PostMapping("/cohorts/upload")
    @PreAuthorize(ROLES)
    String upload(@RequestParam(required = false) Integer graduationYear,
            @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        CurrentUser caller = cityCaller();
        int year = graduationYear == null ? currentYear() : graduationYear;
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadProblemKey", "web.cohorts.chooseFile");
        } else {
            try (InputStream in = file.getInputStream()) {
                Cohorts.Uploaded uploaded = cohorts.upload(year, in, caller);
                redirect.addAttribute("graduationYear", year);
                redirect.addFlashAttribute("uploaded", new UploadSummary(year, uploaded.created(), uploaded.changed(),
                        uploaded.unchanged()));
                return "redirect:/cohorts";
            } catch (InvalidFieldException refused) {
                rowErrors(refused, model);
            } catch (DomainProblem refused) {
                model.addAttribute("uploadProblem", pages.message(refused));
            }
        }
        if (year < Cohorts.MIN_YEAR || year > Cohorts.MAX_YEAR) {
            year = currentYear();
        }
        model.addAttribute(FORM, CohortForm.of(year, null, null));
        return show(year, cohorts.list(year, caller), model);
    }

    /** The refused cells of a file in row order; an error of no row (the year) is said as the file's. */
    private void rowErrors(InvalidFieldException refused, Model model) {
        List<RowError> rows = new ArrayList<>();
        List<String> other = new ArrayList<>();
        pages.fieldErrors(refused).forEach((field, message) -> {
            Matcher m = ROW_FIELD.matcher(field);
            if (m.matches()) {
                rows.add(new RowError(Integer.parseInt(m.group(1)),
                        COLUMN_LABELS.getOrDefault(m.group(2), "web.cohorts.university"), message));
            } else {
                other.add(message);
            }
        });
        rows.sort(Comparator.comparingInt(RowError::row));
        model.addAttribute("rowErrors", rows);
        if (!other.isEmpty()) {
            model.addAttribute("uploadProblem", String.join("；", other));
        }
    }

    private String show(int year, List<CohortTotalView> loaded, Model model) {
        Map<String, CohortTotalView> byCode = loaded.stream()
                .collect(Collectors.toMap(CohortTotalView::universityCode, Function.identity()));
        List<Row> rows = new ArrayList<>();
        long graduates = 0;
        long placed = 0;
        for (UniversityName u : reference.universityNames()) {
            CohortTotalView t = byCode.get(u.code());
            rows.add(new Row(u.code(), u.name(), t));
            if (t != null) {
                graduates += t.graduates();
                placed += t.placedAtLeaving();
            }
        }
        int current = currentYear();
        List<Integer> years = new ArrayList<>();
        for (int y = current + 1; y >= current - YEARS_BACK; y--) {
            years.add(y);
        }
        if (!years.contains(year)) {
            years.add(year);
        }
        model.addAttribute("graduationYear", year);
        model.addAttribute("years", years);
        model.addAttribute("rows", rows);
        model.addAttribute("loaded", loaded.size());
        model.addAttribute("totalGraduates", graduates);
        model.addAttribute("totalPlaced", placed);
        return "cohorts/totals";
    }

    /** The caller, who must see the whole city: the cohorts' totals are the city's (404 page otherwise). */
    private CurrentUser cityCaller() {
        CurrentUser caller = users.current();
        if (!caller.seesWholeCity()) {
            throw new AccessDeniedException("cohort totals are the city's");
        }
        return caller;
    }

    private int currentYear() {
        return CityTime.today(clock).getYear();
    }
}
