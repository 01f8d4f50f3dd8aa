package org.leye.casework.security;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.GroupQueryImpl;
import org.camunda.bpm.engine.impl.GroupQueryProperty;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.leye.casework.security.EngineGroups.EngineGroup;
import org.leye.casework.shared.ProcessAdapter;

/** The engine's group query over the groups derived from roles and scopes ({@link EngineGroups}). */
@ProcessAdapter
class AppGroupQuery extends GroupQueryImpl {

    private static final long serialVersionUID = 1L;

    AppGroupQuery() {
        super();
    }

    AppGroupQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
        return AppIdentityProvider.of(commandContext).countGroups(this);
    }

    @Override
    public List<Group> executeList(CommandContext commandContext, Page page) {
        return AppIdentityProvider.of(commandContext).findGroups(this, page);
    }

    /**
     * Whether a group meets the criteria but the member's; {@code groupsOfMember} is null when the
     * query names no member. No group is a tenant's or a candidate starter of a process.
     */
    boolean matches(EngineGroup group, Set<String> groupsOfMember) {
        return (id == null || id.equals(group.id()))
                && (ids == null || Arrays.asList(ids).contains(group.id()))
                && (name == null || name.equals(group.name()))
                && (nameLike == null || SqlLike.matches(group.name(), nameLike))
                && (type == null || type.equals(group.type()))
                && (groupsOfMember == null || groupsOfMember.contains(group.id()))
                && tenantId == null
                && procDefId == null;
    }

    Comparator<EngineGroup> ordering() {
        Comparator<EngineGroup> comparator = null;
        for (QueryOrderingProperty ordering : getOrderingProperties()) {
            String property = ordering.getQueryProperty().getName();
            Function<EngineGroup, String> key;
            if (GroupQueryProperty.NAME.getName().equals(property)) {
                key = EngineGroup::name;
            } else if (GroupQueryProperty.TYPE.getName().equals(property)) {
                key = EngineGroup::type;
            } else {
                key = EngineGroup::id;
            }
            Comparator<EngineGroup> next = Comparator.comparing(key);
            if (ordering.getDirection() == Direction.DESCENDING) {
                next = next.reversed();
            }
            comparator = comparator == null ? next : comparator.thenComparing(next);
        }
        Comparator<EngineGroup> byId = Comparator.comparing(EngineGroup::id);
        return comparator == null ? byId : comparator.thenComparing(byId);
    }
}
