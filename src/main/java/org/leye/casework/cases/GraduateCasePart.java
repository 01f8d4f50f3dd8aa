package org.leye.casework.cases;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.leye.casework.graduates.Destination;
import org.leye.casework.graduates.GraduatePagePart;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The case on a graduate's page: its status and owner among the record's facts; the process with its
 * current steps; for supervisors, the form that names another owner; the destination form
 * ({@link CasePageController} takes both).
 */
@Component
class GraduateCasePart implements GraduatePagePart {

    private static final String TEMPLATE = "cases/graduate :: ";

    private final CaseLifecycle cases;
    private final ProcessDiagram diagram;
    private final Clock clock;
    private final CurrentUsers users;

    GraduateCasePart(CaseLifecycle cases, ProcessDiagram diagram, Clock clock, CurrentUsers users) {
        this.users = users;
        this.cases = cases;
        this.diagram = diagram;
        this.clock = clock;
    }

    @Override
    public List<Fragment> fragments() {
        return List.of(new Fragment(Place.RECORD, 10, TEMPLATE + "status"),
                new Fragment(Place.BELOW, 10, TEMPLATE + "process"),
                new Fragment(Place.BELOW, 20, TEMPLATE + "owner"),
                new Fragment(Place.BELOW, 30, TEMPLATE + "destination"));
    }

    @Override
    public void addTo(Model model, long graduateId, CurrentUser caller) {
        Optional<CaseSummary> file = cases.findCase(graduateId);
        model.addAttribute("caseFile", file.orElse(null));
        if (file.isPresent()) {
            String pid = file.get().processInstanceId();
            model.addAttribute("currentSteps", diagram.currentStepNames(pid, CaseLifecycle.PROCESS_KEY));
            if (caller.role() == Role.SUPERVISOR || caller.role() == Role.ADMIN) {
                // who may answer for the case: the enabled caseworkers of its district
                model.addAttribute("ownerChoices", users.bureauHelpersOf(file.get().districtCode()));
            }
        }
        model.addAttribute("destinations", Destination.values());
        if (!model.containsAttribute(CasePageController.FORM)) { // else the refused form, kept across the redirect
            model.addAttribute(CasePageController.FORM, DestinationForm.today(clock));
        }
    }
}
