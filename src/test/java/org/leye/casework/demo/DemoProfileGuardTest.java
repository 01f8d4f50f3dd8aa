package org.leye.casework.demo;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class DemoProfileGuardTest {

    @Test
    void theDemoProfileRunsOnTheEmbeddedDatabaseOnly() {
        assertThatCode(() -> DemoProfileGuard.check("jdbc:h2:file:./data/leye", false)).doesNotThrowAnyException();
        assertThatCode(() -> DemoProfileGuard.check("jdbc:h2:mem:leye-test;DB_CLOSE_DELAY=-1", false))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> DemoProfileGuard.check("jdbc:mysql://db:3306/leye?user=x&password=secret", false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("leye.demo.allow-on-server")
                .hasMessageContaining("jdbc:mysql://db:3306/leye").hasMessageNotContaining("secret");
        assertThatThrownBy(() -> DemoProfileGuard.check("jdbc:h2:tcp://db/leye", false))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> DemoProfileGuard.check("jdbc:mysql://127.0.0.1:3306/leye", true)).doesNotThrowAnyException();
    }

    @Configuration(proxyBeanMethods = false)
    @Import(DemoProfileGuard.class)
    static class OnlyTheGuard {
    }

    @Test
    void anApplicationWithTheDemoProfileOnAServerDoesNotStart() {
        assertThatThrownBy(() -> app().run("--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/leye").close())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("demo profile");
        assertThatCode(() -> app().run("--spring.datasource.url=jdbc:mysql://127.0.0.1:3306/leye",
                "--leye.demo.allow-on-server=true").close()).doesNotThrowAnyException();
    }

    static SpringApplicationBuilder app() {
        return new SpringApplicationBuilder(OnlyTheGuard.class).web(org.springframework.boot.WebApplicationType.NONE)
                .profiles("demo");
    }
}
