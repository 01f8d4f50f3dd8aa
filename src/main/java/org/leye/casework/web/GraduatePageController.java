package org.leye.casework.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.leye.casework.audit.AuditLog;
import org.leye.casework.cases.CaseFile;
import org.leye.casework.cases.CaseLifecycle;
import org.leye.casework.graduates.Destination;
import org.leye.casework.graduates.Graduate;
import org.leye.casework.graduates.GraduateMapper;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.GraduateSearch;
import org.leye.casework.graduates.GraduateStatus;
import org.leye.casework.ledger.Compliance;
import org.leye.casework.ledger.Ledger;
import org.leye.casework.ledger.LedgerEntry;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.shared.ProcessAdapter;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.shared.problem.NotFoundException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Graduates: the list (a counselor's is their university's students), and one graduate's page. */
@PageController
@ProcessAdapter
class GraduatePageController {

    record TimelineEntry(String type, String at, String actor, List<LedgerLabels.Detail> details) {
    }

    private final GraduateRegistry registry;
    private final GraduateMapper views;
    private final CaseLifecycle cases;
    private final Ledger ledger;
    private final ProcessDiagram diagram;
    private final DestinationRegistration destinations;
    private final ReferenceData reference;
    private final CurrentUsers users;
    private final Pages pages;
    private final LedgerLabels labels;
    private final AuditLog audit;

    GraduatePageController(GraduateRegistry registry, GraduateMapper views, CaseLifecycle cases, Ledger ledger,
            ProcessDiagram diagram, DestinationRegistration destinations, ReferenceData reference, CurrentUsers users,
            Pages pages, LedgerLabels labels, AuditLog audit) {
        this.labels = labels;
        this.audit = audit;
        this.registry = registry;
        this.views = views;
        this.cases = cases;
        this.ledger = ledger;
        this.diagram = diagram;
        this.destinations = destinations;
        this.reference = reference;
        this.users = users;
        this.pages = pages;
    }

    @GetMapping("/graduates")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String district,
            @RequestParam(required = false) GraduateStatus status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        CurrentUser caller = users.current();
        Pages.require(caller, Role.CASEWORKER, Role.SUPERVISOR, Role.ADMIN, Role.COUNSELOR);
        return list(caller, q, district, status, page, model);
    }

    /** A counselor's students: the graduates of their university. */
    @GetMapping("/students")
    String students(@RequestParam(required = false) String q, @RequestParam(required = false) GraduateStatus status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        CurrentUser caller = users.current();
        Pages.require(caller, Role.COUNSELOR);
        model.addAttribute("university", reference.university(caller.universityCode()).map(u -> u.getName())
                .orElse(caller.universityCode()));
        return list(caller, q, null, status, page, model);
    }

    private String list(CurrentUser caller, String q, String district, GraduateStatus status, int page, Model model) {
        Page<Graduate> result = registry.search(new GraduateSearch(blankToNull(district), status, null,
                blankToNull(q)), PageRequest.of(Math.max(page, 0), 25,
                        Sort.by(Sort.Order.desc("registeredAt"), Sort.Order.desc("id"))), caller);
        model.addAttribute("graduates", result.map(views::toView));
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("district", district == null ? "" : district);
        model.addAttribute("status", status);
        model.addAttribute("statuses", GraduateStatus.values());
        model.addAttribute("districts", reference.districts());
        return caller.role() == Role.COUNSELOR ? "students" : "graduates";
    }

    @GetMapping("/graduates/{id}")
    String graduate(@PathVariable Long id, Model model) {
        CurrentUser caller = users.current();
        Graduate graduate = registry.get(id, caller);
        audit.recordRead(caller.username(), graduate.getId()); // the page shows the record: a read, as by the API
        model.addAttribute("graduate", views.toView(graduate));
        Optional<CaseFile> file = cases.findCase(id);
        model.addAttribute("caseFile", file.orElse(null));
        List<LedgerEntry> entries = ledger.of(id);
        model.addAttribute("timeline", entries.stream().map(e -> new TimelineEntry(e.getType().name(),
                pages.at(e.getAt()), e.getActor(), labels.of(ledger.details(e)))).toList());
        Compliance compliance = Compliance.of(entries);
        model.addAttribute("compliance", compliance);
        model.addAttribute("required", Map.of("guidance", Compliance.GUIDANCE_REQUIRED, "referrals",
                Compliance.REFERRALS_REQUIRED, "training", Compliance.TRAINING_REQUIRED));
        String pid = file.map(CaseFile::getProcessInstanceId).orElse(null);
        if (file.isPresent()) {
            ProcessDefinition definition = diagram.definition(pid, CaseLifecycle.PROCESS_KEY);
            model.addAttribute("currentSteps", definition == null ? List.of()
                    : diagram.names(definition, diagram.activeActivities(pid)));
        }
        model.addAttribute("destinations", Destination.values());
        if (!model.containsAttribute("values")) {
            model.addAttribute("values", Map.of("date", LocalDate.now(Pages.ZONE).toString()));
            model.addAttribute("errors", Map.of());
        }
        return "graduate";
    }

    /** The process diagram with the current steps highlighted, scoped like the graduate. */
    @GetMapping("/graduates/{id}/diagram.svg")
    ResponseEntity<String> diagram(@PathVariable Long id) {
        Optional<String> pid = processOf(id);
        ProcessDefinition definition = diagram.definition(pid.orElse(null), CaseLifecycle.PROCESS_KEY);
        return ResponseEntity.ok().contentType(MediaType.valueOf("image/svg+xml"))
                .body(diagram.svg(definition, new HashSet<>(diagram.activeActivities(pid.orElse(null)))));
    }

    /** The model's XML that the case runs, for a BPMN viewer; scoped like the graduate. */
    @GetMapping("/graduates/{id}/process.bpmn")
    ResponseEntity<String> model(@PathVariable Long id) {
        Optional<String> pid = processOf(id);
        ProcessDefinition definition = diagram.definition(pid.orElse(null), CaseLifecycle.PROCESS_KEY);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_XML).body(diagram.xml(definition));
    }

    /** The active activity ids of the graduate's case, for a BPMN viewer; scoped like the graduate. */
    @GetMapping("/graduates/{id}/activities")
    ResponseEntity<List<String>> activities(@PathVariable Long id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(diagram.activeActivities(processOf(id).orElse(null)));
    }

    private Optional<String> processOf(Long id) {
        registry.get(id, users.current()); // 404 outside the caller's scope
        CaseFile file = cases.findCase(id).orElseThrow(() -> new NotFoundException("case", id));
        return Optional.ofNullable(file.getProcessInstanceId());
    }

    @PostMapping("/graduates/{id}/destination")
    String registerDestination(@PathVariable Long id, @RequestParam(required = false) String code,
            @RequestParam(required = false) String date, @RequestParam(required = false) String employer,
            RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        registry.get(id, caller); // 404 outside the caller's scope
        Map<String, String> values = new LinkedHashMap<>();
        values.put("code", code == null ? "" : code);
        values.put("date", date == null ? "" : date);
        values.put("employer", employer == null ? "" : employer);
        Map<String, String> errors = new LinkedHashMap<>();
        LocalDate day = null;
        if (date != null && !date.isBlank()) {
            try {
                day = LocalDate.parse(date.strip());
            } catch (DateTimeParseException e) {
                errors.putAll(pages.fieldErrors(new InvalidFieldException("date", "validation.typeMismatch")));
            }
        }
        if (code == null || code.isBlank()) {
            errors.putAll(pages.fieldErrors(new InvalidFieldException("code", "validation.required")));
        }
        if (errors.isEmpty()) {
            try {
                destinations.register(id, code, day, blankToNull(employer), caller);
                redirect.addFlashAttribute("notice", "web.destination.registered");
                return "redirect:/graduates/" + id;
            } catch (InvalidFieldException e) {
                errors.putAll(pages.fieldErrors(e));
            }
        }
        redirect.addFlashAttribute("values", values);
        redirect.addFlashAttribute("errors", errors);
        return "redirect:/graduates/" + id + "#destination";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
