package org.leye.casework.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.UserQueryImpl;
import org.camunda.bpm.engine.impl.UserQueryProperty;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.leye.casework.security.EngineGroups.Membership;
import org.leye.casework.security.IdentityDirectory.Sort;
import org.leye.casework.security.IdentityDirectory.SortColumn;
import org.leye.casework.security.IdentityDirectory.UserFilter;
import org.leye.casework.shared.ProcessAdapter;

/** The engine's user query over {@code app_user}: users are the application's users, last name empty. */
@ProcessAdapter
class AppUserQuery extends UserQueryImpl {

    private static final long serialVersionUID = 1L;

    AppUserQuery() {
        super();
    }

    AppUserQuery(CommandExecutor commandExecutor) {
        super(commandExecutor);
    }

    @Override
    public long executeCount(CommandContext commandContext) {
        return AppIdentityProvider.of(commandContext).countUsers(this);
    }

    @Override
    public List<User> executeList(CommandContext commandContext, Page page) {
        return AppIdentityProvider.of(commandContext).findUsers(this, page);
    }

    /**
     * The criteria in terms of {@code app_user}; empty when no user can match: a non-empty last
     * name (ours are empty), a tenant (there are none), a group that does not exist, or a potential
     * starter (no process definition names candidate starters).
     */
    Optional<UserFilter> toFilter(Map<String, String> districts, Map<String, String> universities) {
        boolean lastNameMismatch = (lastName != null && !lastName.isEmpty())
                || (lastNameLike != null && !SqlLike.matches("", lastNameLike));
        if (lastNameMismatch || tenantId != null || procDefId != null) {
            return Optional.empty();
        }
        Membership membership = null;
        if (groupId != null) {
            Optional<Membership> members = EngineGroups.membersOf(groupId, districts, universities);
            if (members.isEmpty()) {
                return Optional.empty();
            }
            membership = members.get();
        }
        return Optional.of(new UserFilter(id, ids == null ? null : Arrays.asList(ids), firstName, firstNameLike,
                email, emailLike, membership, sorts()));
    }

    private List<Sort> sorts() {
        List<Sort> sorts = new ArrayList<>();
        for (QueryOrderingProperty ordering : getOrderingProperties()) {
            boolean ascending = ordering.getDirection() != Direction.DESCENDING;
            String property = ordering.getQueryProperty().getName();
            if (UserQueryProperty.USER_ID.getName().equals(property)) {
                sorts.add(new Sort(SortColumn.USERNAME, ascending));
            } else if (UserQueryProperty.FIRST_NAME.getName().equals(property)) {
                sorts.add(new Sort(SortColumn.DISPLAY_NAME, ascending));
            } else if (UserQueryProperty.EMAIL.getName().equals(property)) {
                sorts.add(new Sort(SortColumn.EMAIL, ascending));
            }
            // last names are all empty: nothing to sort by
        }
        return sorts;
    }
}
