/**
 * What every page shares: the layout (templates/fragments), the navigation ({@link org.leye.casework.web.Nav}),
 * the login page and the landing redirect, the {@link org.leye.casework.web.PageController} mark and
 * its advice ({@link org.leye.casework.web.WebPages}: the signed-in user and the navigation on every
 * page; the 404 page for an unknown record, one outside the caller's scope, or a page the caller's
 * role may not open, which {@code @PreAuthorize} refuses), and the pages' helpers
 * ({@link org.leye.casework.web.Pages}). The locale is shared.web's. The pages themselves live in
 * their capabilities (graduates, cases, assistance, handover, employers, reports, tasks, cohorts, users), which may
 * use web; web uses none of them. New pages add their entry to {@link org.leye.casework.web.Nav}.
 */
package org.leye.casework.web;
