package org.leye.casework.security;

import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo users of API.md, password {@code demo}, created at start-up in the demo profile only
 * (those missing; an existing user is left as it is). Runs first among the runners so that demo
 * data created later can name them.
 */
@Component
@Profile("demo")
@Order(0)
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    private record DemoUser(String username, String displayName, Role role, String district, String university) {
    }

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("cw.pengjiang", "陈静（蓬江区经办）", Role.CASEWORKER, "440703", null),
            new DemoUser("cw.pengjiang2", "黄伟（蓬江区经办）", Role.CASEWORKER, "440703", null),
            new DemoUser("cw.taishan", "李海（台山市经办）", Role.CASEWORKER, "440781", null),
            new DemoUser("counselor.wyu", "梁老师（五邑大学）", Role.COUNSELOR, null, "WYU"),
            new DemoUser("counselor.jmpt", "吴老师（江门职业技术学院）", Role.COUNSELOR, null, "JMPT"),
            new DemoUser("teacher.wyu", "林老师（五邑大学班主任）", Role.HELPER, null, "WYU"),
            new DemoUser("teacher2.wyu", "何老师（五邑大学专业课教师）", Role.HELPER, null, "WYU"),
            new DemoUser("teacher.jmpt", "郑老师（江门职业技术学院就业指导教师）", Role.HELPER, null, "JMPT"),
            new DemoUser("sup.pengjiang", "周强（蓬江区督导）", Role.SUPERVISOR, "440703", null),
            new DemoUser("sup.city", "赵敏（市人社局督导）", Role.SUPERVISOR, null, null),
            new DemoUser("dpf.pengjiang", "冯丽（蓬江区残联专干）", Role.DPF_OFFICER, "440703", null),
            new DemoUser("dpf.taishan", "谭志（台山市残联专干）", Role.DPF_OFFICER, "440781", null),
            new DemoUser("admin", "系统管理员", Role.ADMIN, null, null));

    private final AppUsers users;
    private final PasswordEncoder passwordEncoder;
    private final Clock clock;

    DemoUsers(AppUsers users, PasswordEncoder passwordEncoder, ObjectProvider<Clock> clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        for (DemoUser demo : USERS) {
            if (!users.existsByUsername(demo.username())) {
                users.save(AppUser.create(demo.username(), passwordEncoder.encode(PASSWORD), demo.displayName(),
                        demo.role(), demo.district(), demo.university(), demo.username() + "@example.org",
                        clock.instant()));
                log.info("Demo user {} ({}) created", demo.username(), demo.role());
            }
        }
    }
}
