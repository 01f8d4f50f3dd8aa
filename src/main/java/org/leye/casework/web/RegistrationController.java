package org.leye.casework.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.leye.casework.graduates.Degree;
import org.leye.casework.graduates.Difficulty;
import org.leye.casework.graduates.Graduate;
import org.leye.casework.graduates.GraduateRegistry;
import org.leye.casework.graduates.RegisterGraduate;
import org.leye.casework.reference.ReferenceData;
import org.leye.casework.security.CurrentUser;
import org.leye.casework.security.CurrentUsers;
import org.leye.casework.security.Role;
import org.leye.casework.shared.problem.ConflictException;
import org.leye.casework.shared.problem.InvalidFieldException;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Registers a graduate (a caseworker) or a student in difficulty (a counselor, for their own
 * university) through {@link GraduateRegistry#register}, which opens the 131 case.
 */
@PageController
class RegistrationController {

    private final GraduateRegistry registry;
    private final ReferenceData reference;
    private final Validator validator;
    private final CurrentUsers users;
    private final Pages pages;

    RegistrationController(GraduateRegistry registry, ReferenceData reference, Validator validator,
            CurrentUsers users, Pages pages) {
        this.registry = registry;
        this.reference = reference;
        this.validator = validator;
        this.users = users;
        this.pages = pages;
    }

    @GetMapping("/graduates/new")
    String form(Model model) {
        CurrentUser caller = users.current();
        Pages.require(caller, Role.CASEWORKER, Role.COUNSELOR, Role.SUPERVISOR);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("graduationYear", String.valueOf(java.time.Year.now(Pages.ZONE).getValue()));
        values.put("willingToWork", "true");
        if (caller.universityCode() != null) {
            values.put("university", caller.universityCode());
        }
        return show(values, List.of(), Map.of(), null, model, caller);
    }

    @PostMapping("/graduates/new")
    String register(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        CurrentUser caller = users.current();
        Pages.require(caller, Role.CASEWORKER, Role.COUNSELOR, Role.SUPERVISOR);
        Map<String, String> values = new LinkedHashMap<>();
        for (String field : List.of("name", "idNumber", "phone", "university", "major", "degree", "graduationYear",
                "district", "address", "willingToWork")) {
            String v = params.getFirst(field);
            values.put(field, v == null ? "" : v.strip());
        }
        List<String> difficulties = params.getOrDefault("difficulties", List.of());
        Map<String, String> errors = new LinkedHashMap<>();
        RegisterGraduate command = new RegisterGraduate(blank(values.get("name")), blank(values.get("idNumber")), null,
                blank(values.get("phone")), blank(values.get("university")), blank(values.get("major")),
                parse(Degree.class, values.get("degree"), "degree", errors), year(values.get("graduationYear"), errors),
                blank(values.get("district")), blank(values.get("address")),
                difficulties.stream().map(d -> parse(Difficulty.class, d, "difficulties", errors)).toList(), null,
                !"false".equals(values.get("willingToWork")));
        for (ConstraintViolation<RegisterGraduate> v : validator.validate(command)) {
            String field = v.getPropertyPath().toString().replaceAll("[\\[<].*", "");
            errors.merge(field, v.getMessage(), (a, b) -> a + "；" + b);
        }
        if (errors.isEmpty()) {
            try {
                Graduate graduate = registry.register(command, caller);
                redirect.addFlashAttribute("notice", "web.register.done");
                return "redirect:/graduates/" + graduate.getId();
            } catch (InvalidFieldException e) {
                errors.putAll(pages.fieldErrors(e));
            } catch (ConflictException e) {
                errors.put("idNumber", pages.message(e));
            }
        }
        return show(values, difficulties, errors, "web.form.fix", model, caller);
    }

    private String show(Map<String, String> values, List<String> difficulties, Map<String, String> errors,
            String problemKey, Model model, CurrentUser caller) {
        model.addAttribute("values", values);
        model.addAttribute("chosenDifficulties", difficulties);
        model.addAttribute("errors", errors);
        if (problemKey != null) {
            model.addAttribute("problemKey", problemKey);
        }
        model.addAttribute("degrees", Degree.values());
        model.addAttribute("difficulties", Difficulty.values());
        model.addAttribute("universities", caller.role() == Role.COUNSELOR
                ? reference.university(caller.universityCode()).stream().toList()
                : new ArrayList<>(reference.universities()));
        model.addAttribute("districts", caller.districtCode() == null ? reference.districts()
                : reference.district(caller.districtCode()).stream().toList());
        return "register";
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private Integer year(String s, Map<String, String> errors) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(s.strip());
        } catch (NumberFormatException e) {
            errors.putAll(pages.fieldErrors(new InvalidFieldException("graduationYear", "validation.typeMismatch")));
            return null;
        }
    }

    private <E extends Enum<E>> E parse(Class<E> type, String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.putAll(pages.fieldErrors(new InvalidFieldException(field, "validation.typeMismatch")));
            return null;
        }
    }
}
