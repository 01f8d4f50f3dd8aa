package org.leye.casework.handover;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The threads of the hand-over ({@link HandoverRunner}): {@code leye.handover.threads} hand-overs
 * at once (a queue of the rest: beyond it they wait as RUNNING for a restart), and the lanes of a
 * batch beyond the first, which the hand-over's own thread runs.
 */
@Configuration(proxyBeanMethods = false)
class HandoverExecutors {

    @Bean
    ThreadPoolTaskExecutor handoverExecutor(@Value("${leye.handover.threads:2}") int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setQueueCapacity(1000);
        executor.setThreadNamePrefix("handover-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        return executor;
    }

    @Bean
    ThreadPoolTaskExecutor handoverLaneExecutor(@Value("${leye.handover.threads:2}") int threads,
            @Value("${leye.handover.lanes:2}") int lanes) {
        int extraLanes = Math.max(1, threads * (Math.max(1, lanes) - 1));
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(extraLanes);
        executor.setMaxPoolSize(extraLanes);
        executor.setQueueCapacity(threads * Math.max(1, lanes));
        executor.setThreadNamePrefix("handover-lane-");
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(30);
        // a lane the pool cannot take is run by the hand-over's thread itself
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
        return executor;
    }
}
