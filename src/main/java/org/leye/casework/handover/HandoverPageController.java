package org.leye.casework.handover;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hand-over upload (信息移交) through the same {@link HandoverService} as
 * {@code /api/handovers}, for the same roles. The page of one hand-over shows its progress as the
 * server saw it and {@code /js/handover.js} polls {@code GET /api/handovers/{id}} until it is done;
 * the rejected rows are downloaded from {@code /api/handovers/{id}/rejected}.
 */
@PageController
class HandoverPageController {

    /** The hand-over's fields (the API's names, as in its errors) and the labels the page shows them by. */
    static final Map<String, String> FIELD_LABELS = Map.ofEntries(Map.entry("name", "web.graduate.name"),
            Map.entry("idNumber", "web.graduate.idNumber"), Map.entry("gender", "web.graduate.gender"),
            Map.entry("phone", "web.graduate.phone"), Map.entry("university", "web.graduate.university"),
            Map.entry("major", "web.graduate.major"), Map.entry("degree", "web.graduate.degree"),
            Map.entry("graduationYear", "web.graduate.year"), Map.entry("district", "web.graduate.district"),
            Map.entry("difficulties", "web.graduate.difficulties"), Map.entry("willingToWork", "web.register.willing"));

    /** Who hands graduates over: the API's roles for {@code POST /api/handovers}. */
    static final String ROLES = "hasAnyRole('CASEWORKER', 'COUNSELOR', 'SUPERVISOR', 'ADMIN')";

    private final HandoverService handovers;
    private final CurrentUsers users;
    private final Pages pages;
    private final DataSize maxUpload;

    HandoverPageController(HandoverService handovers, CurrentUsers users, Pages pages,
            @Value("${spring.servlet.multipart.max-request-size:20MB}") DataSize maxUpload) {
        this.handovers = handovers;
        this.users = users;
        this.pages = pages;
        this.maxUpload = maxUpload;
    }

    /**
     * The upload form. The page refuses a file over the limit before sending it; a browser without
     * scripts that sends one anyway is sent back here with {@code ?tooLarge} (UploadLimitAdvice).
     */
    @GetMapping("/handovers/new")
    @PreAuthorize(ROLES)
    String form(@RequestParam(required = false) String tooLarge, Model model) {
        model.addAttribute("tooLarge", tooLarge != null);
        return "handover/new";
    }

    @ModelAttribute
    void uploadLimit(Model model) {
        UploadForm.limit(model, maxUpload);
    }

    /** Receives the file; its refusals are said above the form ({@link UploadForm}). */
    @PostMapping("/handovers/new")
    @PreAuthorize(ROLES)
    String upload(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        CurrentUser caller = users.current();
        HandoverService.Received received = UploadForm.receive(file, model, pages,
                (name, in) -> handovers.receive(name, in, caller));
        if (received == null) {
            return "handover/new";
        }
        redirect.addFlashAttribute("notice", received.created() ? "web.handover.received" : "web.handover.again");
        return "redirect:/handovers/" + received.id();
    }

    @GetMapping("/handovers/{id}")
    String show(@PathVariable long id, Locale locale, Model model) {
        model.addAttribute("h", handovers.view(id, users.current(), locale));
        model.addAttribute("fieldLabels", FIELD_LABELS);
        return "handover/show";
    }
}
