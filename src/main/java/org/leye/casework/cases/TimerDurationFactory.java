package org.leye.casework.cases;

import javax.xml.datatype.DatatypeFactory;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.stereotype.Component;

/**
 * Names the JDK's own XML datatype factory before the engine creates its first timer. The engine
 * (Camunda 7.24, {@code DurationHelper}) reads every timer's ISO 8601 duration through a new
 * {@link DatatypeFactory#newInstance()}, and without the JAXP system property that call asks
 * {@code ServiceLoader} for a provider, which opens every jar of the class path looking for a
 * service file. The 131's first contact carries two timers: in the benchmark's profile (JFR,
 * 2026-12-06) that search was 12 % of the JVM's samples of a case start (19 % of the engine's start),
 * and the engine alone paid it too. With the property set, {@code newInstance} loads the named class
 * directly. A value given on the command line ({@code -Djavax.xml.datatype.DatatypeFactory=…}) is
 * kept.
 */
@Component
@ProcessAdapter
class TimerDurationFactory extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        System.setProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY,
                factoryName(System.getProperty(DatatypeFactory.DATATYPEFACTORY_PROPERTY)));
    }

    /** The factory to name: the one given already, else the JDK's own. */
    static String factoryName(String given) {
        return given != null ? given : DatatypeFactory.DATATYPEFACTORY_IMPLEMENTATION_CLASS;
    }
}
