package org.leye.casework.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads the users of the form login and HTTP Basic from {@code app_user}. */
@Service
class AppUserDetailsService implements UserDetailsService {

    private final AppUsers users;

    AppUserDetailsService(AppUsers users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findByUsername(username)
                .map(AppUserDetails::of)
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
