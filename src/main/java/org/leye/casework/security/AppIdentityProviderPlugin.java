package org.leye.casework.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Makes the application's users the engine's users: installs {@link AppIdentityProvider} in place
 * of the engine's own user and group tables (which stay empty). Picked up by the Camunda Spring
 * Boot starter as a {@code ProcessEnginePlugin} bean.
 */
@Component
@ProcessAdapter
class AppIdentityProviderPlugin extends AbstractProcessEnginePlugin {

    private final IdentityDirectory directory;
    private final PasswordEncoder passwordEncoder;

    AppIdentityProviderPlugin(IdentityDirectory directory, PasswordEncoder passwordEncoder) {
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new AppIdentityProvider(directory, passwordEncoder);
            }
        });
    }
}
