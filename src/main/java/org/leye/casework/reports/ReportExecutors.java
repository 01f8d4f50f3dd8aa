package org.leye.casework.reports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/** The threads that run a report's scans side by side ({@link Reports}): four, each its own connection. */
@Configuration(proxyBeanMethods = false)
class ReportExecutors {

    @Bean
    ThreadPoolTaskExecutor reportScanExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(4);
        executor.setMaxPoolSize(4);
        executor.setThreadNamePrefix("report-scan-");
        executor.setDaemon(true);
        return executor;
    }
}
