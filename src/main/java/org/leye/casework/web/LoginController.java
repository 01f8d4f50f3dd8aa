package org.leye.casework.web;

import org.leye.casework.security.CurrentUsers;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page (Spring Security handles its POST and the logout) and the landing redirect. */
@PageController
class LoginController {

    private final CurrentUsers users;

    LoginController(CurrentUsers users) {
        this.users = users;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:" + Nav.home(users.current().role());
    }
}
