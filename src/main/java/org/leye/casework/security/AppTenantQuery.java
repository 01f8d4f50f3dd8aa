package org.leye.casework.security;

import java.util.List;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.leye.casework.shared.ProcessAdapter;

/** The engine's tenant query: the service is one city, one tenant-less engine; no tenant exists. */
@ProcessAdapter
class AppTenantQuery extends TenantQueryImpl {

    private static final long serialVersionUID = 1L;

    AppTenantQuery() {
        super();
    }

    AppTenantQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
        return 0;
    }

    @Override
    public List<Tenant> executeList(CommandContext commandContext, Page page) {
        return List.of();
    }
}
