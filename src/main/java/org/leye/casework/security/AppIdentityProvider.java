package org.leye.casework.security;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.GroupQuery;
import org.camunda.bpm.engine.identity.NativeUserQuery;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.identity.UserQuery;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.leye.casework.security.EngineGroups.EngineGroup;
import org.leye.casework.security.IdentityDirectory.DirectoryUser;
import org.leye.casework.security.IdentityDirectory.UserFilter;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The engine's users, groups and passwords, read from the application's {@code app_user}
 * (one identity for both). Read-only: users are managed by the application, so the Admin webapp
 * shows them but cannot change them. One session per engine command.
 * <p>
 * Engine authorization checks are not applied to these queries; the engine runs with
 * authorization disabled and only administrators reach its API and webapps.
 */
@ProcessAdapter
class AppIdentityProvider implements ReadOnlyIdentityProvider {

    private final IdentityDirectory directory;
    private final PasswordEncoder passwordEncoder;

    AppIdentityProvider(IdentityDirectory directory, PasswordEncoder passwordEncoder) {
        this.directory = directory;
        this.passwordEncoder = passwordEncoder;
    }

    static AppIdentityProvider of(CommandContext commandContext) {
        return (AppIdentityProvider) commandContext.getReadOnlyIdentityProvider();
    }

    // session lifecycle: nothing held

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    // users

    @Override
    public User findUserById(String userId) {
        return userId == null ? null : directory.user(userId).map(AppIdentityProvider::toUser).orElse(null);
    }

    @Override
    public UserQuery createUserQuery() {
        return new AppUserQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public UserQuery createUserQuery(CommandContext commandContext) {
        return new AppUserQuery();
    }

    @Override
    public NativeUserQuery createNativeUserQuery() {
        throw new BadUserRequestException("Native user queries are not supported: users live in app_user");
    }

    long countUsers(AppUserQuery query) {
        return filterOf(query).map(directory::countUsers).orElse(0L);
    }

    List<User> findUsers(AppUserQuery query, Page page) {
        // listPage(first, max) sets the query's own bounds; the page argument is mostly null
        int first = page == null ? query.getFirstResult() : page.getFirstResult();
        int max = page == null ? query.getMaxResults() : page.getMaxResults();
        return filterOf(query)
                .map(filter -> directory.users(filter, first, max).stream().map(AppIdentityProvider::toUser).toList())
                .orElse(List.of());
    }

    private Optional<UserFilter> filterOf(AppUserQuery query) {
        return query.toFilter(directory.districts(), directory.universities());
    }

    @Override
    public boolean checkPassword(String userId, String password) {
        if (userId == null || userId.isEmpty() || password == null || password.isEmpty()) {
            return false;
        }
        return directory.passwordHashOfEnabledUser(userId)
                .map(hash -> passwordEncoder.matches(password, hash))
                .orElse(false);
    }

    // groups

    @Override
    public Group findGroupById(String groupId) {
        return groups().filter(group -> group.id().equals(groupId)).findFirst()
                .map(AppIdentityProvider::toGroup).orElse(null);
    }

    @Override
    public GroupQuery createGroupQuery() {
        return new AppGroupQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public GroupQuery createGroupQuery(CommandContext commandContext) {
        return new AppGroupQuery();
    }

    long countGroups(AppGroupQuery query) {
        return matchingGroups(query).count();
    }

    List<Group> findGroups(AppGroupQuery query, Page page) {
        int first = page == null ? query.getFirstResult() : page.getFirstResult();
        int max = page == null ? query.getMaxResults() : page.getMaxResults();
        return matchingGroups(query).sorted(query.ordering()).skip(first).limit(max)
                .map(AppIdentityProvider::toGroup).toList();
    }

    private Stream<EngineGroup> matchingGroups(AppGroupQuery query) {
        Set<String> groupsOfMember = null;
        if (query.getUserId() != null) {
            groupsOfMember = directory.user(query.getUserId())
                    .map(user -> (Set<String>) new HashSet<>(
                            EngineGroups.of(user.toCurrentUser(), directory.districts().keySet())))
                    .orElse(Set.of());
        }
        Set<String> members = groupsOfMember;
        return groups().filter(group -> query.matches(group, members));
    }

    private Stream<EngineGroup> groups() {
        Map<String, String> districts = directory.districts();
        Map<String, String> universities = directory.universities();
        return EngineGroups.all(districts, universities).stream();
    }

    // tenants: none

    @Override
    public Tenant findTenantById(String tenantId) {
        return null;
    }

    @Override
    public TenantQuery createTenantQuery() {
        return new AppTenantQuery(Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
    }

    @Override
    public TenantQuery createTenantQuery(CommandContext commandContext) {
        return new AppTenantQuery();
    }

    private static User toUser(DirectoryUser user) {
        UserEntity entity = new UserEntity(user.username());
        entity.setFirstName(user.displayName());
        entity.setLastName("");
        entity.setEmail(user.email());
        return entity;
    }

    private static Group toGroup(EngineGroup group) {
        GroupEntity entity = new GroupEntity(group.id());
        entity.setName(group.name());
        entity.setType(group.type());
        return entity;
    }
}
