package org.leye.casework.graduates;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;

import org.leye.casework.reference.ReferenceData;
import org.leye.casework.reference.University;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.shared.Text;
import org.leye.casework.shared.problem.NotFoundException;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Graduates: the list (a counselor's is their university's students), and one graduate's page:
 * the record, with the parts that other capabilities show of them ({@link GraduatePagePart}: the
 * case, its process and its destination form; the ledger and the 131 figures).
 */
@PageController
class GraduatePageController {

    /** The fragments of the parts, by place, in order. */
    record Parts(List<String> record, List<String> beside, List<String> below) {

        static Parts of(List<GraduatePagePart> parts) {
            List<GraduatePagePart.Fragment> all = parts.stream().flatMap(p -> p.fragments().stream())
                    .sorted(Comparator.comparingInt(GraduatePagePart.Fragment::order)).toList();
            return new Parts(at(all, GraduatePagePart.Place.RECORD), at(all, GraduatePagePart.Place.BESIDE_RECORD),
                    at(all, GraduatePagePart.Place.BELOW));
        }

        private static List<String> at(List<GraduatePagePart.Fragment> all, GraduatePagePart.Place place) {
            return all.stream().filter(f -> f.place() == place).map(GraduatePagePart.Fragment::fragment).toList();
        }
    }

    static final String DIFFICULTY_FORM = "difficultyForm";
    private static final Set<Role> DIFFICULTY_RECORDERS = EnumSet.of(Role.CASEWORKER, Role.COUNSELOR, Role.SUPERVISOR,
            Role.ADMIN);

    private final GraduateRegistry registry;
    private final GraduateMapper views;
    private final ReferenceData reference;
    private final CurrentUsers users;
    private final List<GraduatePagePart> parts;
    private final Parts layout;

    GraduatePageController(GraduateRegistry registry, GraduateMapper views, ReferenceData reference,
            CurrentUsers users, List<GraduatePagePart> parts) {
        this.registry = registry;
        this.views = views;
        this.reference = reference;
        this.users = users;
        this.parts = parts;
        this.layout = Parts.of(parts);
    }

    @GetMapping("/graduates")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'SUPERVISOR', 'ADMIN', 'COUNSELOR')")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String district,
            @RequestParam(required = false) GraduateStatus status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        return list(users.current(), q, district, status, page, model);
    }

    /** A counselor's students: the graduates of their university. */
    @GetMapping("/students")
    @PreAuthorize("hasRole('COUNSELOR')")
    String students(@RequestParam(required = false) String q, @RequestParam(required = false) GraduateStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser caller = users.current();
        model.addAttribute("university", reference.university(caller.universityCode()).map(University::name)
                .orElse(caller.universityCode()));
        return list(caller, q, null, status, page, model);
    }

    private String list(CurrentUser caller, String q, String district, GraduateStatus status, int page, Model model) {
        Page<Graduate> result = registry.search(new GraduateSearch(Text.blankToNull(district), status, null,
                Text.blankToNull(q)), PageRequest.of(Math.max(page, 0), 25,
                        Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.desc("id"))), caller);
        model.addAttribute("graduates", result.map(views::toView));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("district", district == null ? "" : district);
        model.addAttribute("status", status);
        model.addAttribute("statuses", GraduateStatus.values());
        model.addAttribute("districts", reference.districts());
        return caller.role() == Role.COUNSELOR ? "students" : "graduates";
    }

    /**
     * One graduate's page; showing the record is a read in the audit log, as by the API. Those who may
     * record difficulty categories found later get the form for it, unless the graduate is placed.
     */
    @GetMapping("/graduates/{id}")
    String graduate(@PathVariable long id, Model model) {
        CurrentUser caller = users.current();
        GraduateView graduate = registry.read(id, caller);
        model.addAttribute("graduate", graduate);
        for (GraduatePagePart part : parts) {
            part.addTo(model, id, caller);
        }
        model.addAttribute("parts", layout);
        model.addAttribute("mayRecordDifficulties",
                DIFFICULTY_RECORDERS.contains(caller.role()) && graduate.status() != GraduateStatus.PLACED);
        model.addAttribute("mayCorrect", DIFFICULTY_RECORDERS.contains(caller.role()));
        model.addAttribute("difficulties", Difficulty.values());
        if (!model.containsAttribute(DIFFICULTY_FORM)) { // else the refused form, kept across the redirect
            model.addAttribute(DIFFICULTY_FORM, new DifficultyForm());
        }
        return "graduate";
    }

    /**
     * 两个百分百, found in difficulty later ({@link GraduateRegistry#recordDifficulties}). Done, the
     * graduate's page says so; refused, it shows the form again with each message by its field.
     */
    @PostMapping("/graduates/{id}/difficulties")
    @PreAuthorize("hasAnyRole('CASEWORKER', 'COUNSELOR', 'SUPERVISOR', 'ADMIN')")
    String recordDifficulties(@PathVariable long id, @Valid @ModelAttribute(DIFFICULTY_FORM) DifficultyForm form,
            BindingResult result, RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        if (!registry.visible(id, caller)) {
            throw new NotFoundException("graduate", id); // the 404 page outside the caller's scope, whatever was sent
        }
        return Pages.submit(result, "difficulties", () -> {
            registry.recordDifficulties(id, form.command(), caller);
            redirect.addFlashAttribute("notice", "web.difficulties.recorded");
            return "redirect:/graduates/" + id;
        }).orElseGet(() -> Pages.backWithRefused(redirect, DIFFICULTY_FORM, form, result,
                "/graduates/" + id + "#difficulties-section"));
    }
}
