package org.leye.casework.handover;

import java.io.IOException;
import java.util.HashMap;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counselor's bulk registration of students in difficulty (批量登记困难学生), through the same
 * {@link HandoverService} as {@code /api/assistance/uploads}, for the same roles. The page of one
 * upload shows each row's result; while it runs, {@code /js/handover.js} polls the hand-over's
 * progress and reloads the page when it is done. The form checks the upload limit as the
 * hand-over's does (UploadLimitAdvice sends an oversized file back with {@code ?tooLarge}).
 */
@PageController
class StudentUploadPageController {

    static final String FORM = "assistance/uploads";

    /** The hand-over's field labels and the students' own columns. */
    static final Map<String, String> FIELD_LABELS;

    static {
        Map<String, String> labels = new HashMap<>(HandoverPageController.FIELD_LABELS);
        labels.put(HandoverField.EVIDENCE.apiName(), "web.assistance.evidence");
        labels.put(HandoverField.LEAVING_SCHOOL_DATE.apiName(), "web.assistance.leavingSchool");
        FIELD_LABELS = Map.copyOf(labels);
    }

    private final HandoverService handovers;
    private final CurrentUsers users;
    private final Pages pages;
    private final DataSize maxUpload;

    StudentUploadPageController(HandoverService handovers, CurrentUsers users, Pages pages,
            @Value("${spring.servlet.multipart.max-request-size:20MB}") DataSize maxUpload) {
        this.handovers = handovers;
        this.users = users;
        this.pages = pages;
        this.maxUpload = maxUpload;
    }

    @GetMapping("/assistance/uploads")
    @PreAuthorize(StudentUploadController.REGISTRARS)
    String form(@RequestParam(required = false) String tooLarge, Model model) {
        model.addAttribute("tooLarge", tooLarge != null);
        return FORM;
    }

    @ModelAttribute
    void uploadLimit(Model model) {
        UploadForm.limit(model, maxUpload);
    }

    /** Receives the list; its refusals are said above the form ({@link UploadForm}). */
    @PostMapping("/assistance/uploads")
    @PreAuthorize(StudentUploadController.REGISTRARS)
    String upload(@RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        CurrentUser caller = users.current();
        HandoverService.Received received = UploadForm.receive(file, model, pages,
                (name, in) -> handovers.receive(HandoverKind.STUDENTS_IN_DIFFICULTY, name, in, caller));
        if (received == null) {
            return FORM;
        }
        redirect.addFlashAttribute("notice", received.created() ? "web.handover.received" : "web.studentUpload.again");
        return "redirect:/assistance/uploads/" + received.id();
    }

    @GetMapping("/assistance/uploads/{id}")
    String show(@PathVariable long id, Locale locale, Model model) {
        model.addAttribute("u", handovers.studentUpload(id, users.current(), locale));
        model.addAttribute("fieldLabels", FIELD_LABELS);
        return "assistance/upload";
    }
}
