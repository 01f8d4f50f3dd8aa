package org.leye.casework.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A class that speaks to the process engine: a delegate, a listener, the glue of a service that
 * starts, correlates or changes processes, an engine plugin. Only these classes import
 * {@code org.camunda} (ArchitectureTest), so this annotation lists the surface that a move to the
 * maintained fork of the engine (Operaton, {@code org.operaton.bpm}) touches; keep it small.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ProcessAdapter {
}
