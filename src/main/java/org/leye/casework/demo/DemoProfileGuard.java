package org.leye.casework.demo;

import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * The demo profile brings known keys for personal data and users with the password {@code demo}
 * (an {@code admin} among them): it belongs on the embedded H2 database of {@code mvn spring-boot:run},
 * not on a server that real data may reach. On any other database the application refuses to start
 * unless {@code leye.demo.allow-on-server=true} says that this is meant (README's {@code mysql,demo}
 * recipe, the MySQL tests, the benchmark). Checked before any bean is made, so nothing is seeded.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoProfileGuard {

    static final String ALLOW = "leye.demo.allow-on-server";

    @Bean
    static BeanFactoryPostProcessor demoOnlyOnAnEmbeddedDatabase() {
        return new Check();
    }

    /** Reads the data source URL once the environment is complete (test initialisers included). */
    static final class Check implements BeanFactoryPostProcessor, EnvironmentAware {

        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanFactory(
                org.springframework.beans.factory.config.ConfigurableListableBeanFactory beanFactory) {
            check(environment.getProperty("spring.datasource.url", ""),
                    environment.getProperty(ALLOW, Boolean.class, false));
        }
    }

    static void check(String url, boolean allowed) {
        if (!embedded(url) && !allowed) {
            throw new IllegalStateException("The demo profile (known keys, users with the password \"demo\") runs only on"
                    + " the embedded H2 database; this one is " + url.replaceAll("[?;].*", "") + ". Leave out the demo"
                    + " profile, or set " + ALLOW + "=true (LEYE_DEMO_ALLOW_ON_SERVER=true) for a demonstration server"
                    + " that will never hold real data.");
        }
    }

    static boolean embedded(String url) {
        return url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }
}
