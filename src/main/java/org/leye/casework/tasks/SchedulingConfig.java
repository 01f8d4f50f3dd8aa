package org.leye.casework.tasks;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduled jobs of the application (the "due tomorrow" notices); the engine runs its own timers. */
@Configuration
@EnableScheduling
class SchedulingConfig {
}
