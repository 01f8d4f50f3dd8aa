package org.leye.casework.events;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;

import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.shared.CityTime;
import org.leye.casework.shared.problem.DomainProblem;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.leye.casework.web.PageController;
import org.leye.casework.web.Pages;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A group event on a page, through the same {@link GroupEvents} as {@code POST /api/events}: the graduates
 * ticked among the caller's inbox or pasted (ids or case numbers), then what the event did. A job fair's
 * referrals name positions per graduate, which the API takes; the page records the fair's attendance.
 */
@PageController
class EventPageController {

    static final String FORM = "event";
    static final String ROLES = "hasAnyRole('CASEWORKER', 'SUPERVISOR', 'ADMIN')";

    private final GroupEvents events;
    private final CurrentUsers users;
    private final Pages pages;
    private final Clock clock;

    EventPageController(GroupEvents events, CurrentUsers users, Pages pages, Clock clock) {
        this.events = events;
        this.users = users;
        this.pages = pages;
        this.clock = clock;
    }

    @GetMapping("/events/new")
    @PreAuthorize(ROLES)
    String form(Model model) {
        model.addAttribute(FORM, EventForm.on(CityTime.today(clock)));
        return show(users.current(), model);
    }

    /** Recorded, the result page; refused (the form, or one graduate's completion), the form again saying why. */
    @PostMapping("/events")
    @PreAuthorize(ROLES)
    String record(@Valid @ModelAttribute(FORM) EventForm form, BindingResult result, Model model) {
        CurrentUser caller = users.current();
        if (!result.hasErrors()) {
            GroupEvents.Picked picked = events.pick(form.getGraduateIds(), form.getPasted(), caller);
            if (picked.graduateIds().isEmpty()) {
                result.rejectValue("graduateIds", "web.events.noneChosen");
            } else {
                try {
                    model.addAttribute("result", events.record(form.command(picked.graduateIds()), caller));
                    model.addAttribute("unknownEntries", picked.unknown());
                    return "events/result";
                } catch (InvalidFieldException refused) {
                    Pages.reject(result, refused);
                } catch (DomainProblem refused) {
                    Object graduate = refused.properties().get("graduateId");
                    model.addAttribute("refusal", graduate == null ? pages.message(refused)
                            : pages.message(new DefaultMessageSourceResolvable(
                                    new String[] { "web.events.refusedFor" },
                                    new Object[] { String.valueOf(graduate), pages.message(refused) })));
                }
            }
        }
        model.addAttribute("problemKey", "web.form.fix");
        return show(caller, model);
    }

    private String show(CurrentUser caller, Model model) {
        List<GroupEvents.Candidate> candidates = events.candidates(caller);
        model.addAttribute("candidates", candidates);
        model.addAttribute("kinds", EventKind.values());
        return "events/new";
    }
}
