/**
 * The web application: server-rendered pages (Thymeleaf) for caseworkers, counselors and
 * supervisors. Controllers are package-private and call the capabilities' services, never
 * repositories, with the signed-in user's scope: an id outside it answers the 404 page exactly
 * like an unknown id. New pages add their entry to {@link org.leye.casework.web.Nav}.
 */
package org.leye.casework.web;
