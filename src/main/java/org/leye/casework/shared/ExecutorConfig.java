package org.leye.casework.shared;

import org.springframework.boot.task.ThreadPoolTaskExecutorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * Spring Boot's application task executor, defined here by its own name: Boot backs off from
 * defining it as soon as any {@code Executor} bean exists, and the capabilities define theirs
 * (the hand-over's, the reports' scans), each as a named bean of its capability.
 */
@Configuration(proxyBeanMethods = false)
class ExecutorConfig {

    @Bean(name = { "applicationTaskExecutor", "taskExecutor" })
    ThreadPoolTaskExecutor applicationTaskExecutor(ThreadPoolTaskExecutorBuilder builder) {
        return builder.build();
    }
}
