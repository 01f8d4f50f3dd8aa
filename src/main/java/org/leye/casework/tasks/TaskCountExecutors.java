package org.leye.casework.tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The thread that counts the large task totals again behind the requests ({@link LargeCounts}): one, so
 * that recounts never take more than one connection and one core, with a short queue; a recount that
 * finds it full is made in the request, as before.
 */
@Configuration(proxyBeanMethods = false)
class TaskCountExecutors {

    static final String NAME = "taskCountExecutor";

    @Bean(NAME)
    ThreadPoolTaskExecutor taskCountExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setQueueCapacity(100);
        executor.setThreadNamePrefix("task-count-");
        executor.setDaemon(true);
        return executor;
    }
}
