package ru.ccbilling.security;

import java.io.IOException;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * A session remembers the person as they signed in; an administrator's change must reach it at once. So each
 * request of a session reads the person again (one row by primary key): disabled or removed, the session ends and
 * the request is a stranger's (401); other roles or a changed password requirement replace those of the session.
 */
final class SessionStanding extends OncePerRequestFilter {

    private final Credentials credentials;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionStanding(Credentials credentials) {
        this.credentials = credentials;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof Person signedIn) {
            Person now = current(signedIn);
            if (now == null || !now.isEnabled()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            } else if (!now.sameStanding(signedIn)) {
                var context = SecurityContextHolder.createEmptyContext();
                var fresh = UsernamePasswordAuthenticationToken.authenticated(now, null, now.getAuthorities());
                fresh.setDetails(auth.getDetails());
                context.setAuthentication(fresh);
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }

    /** the person as stored now; when the database cannot say, the session's own (the request fails on its own) */
    private Person current(Person signedIn) {
        try {
            return (Person) credentials.loadUserByUsername(signedIn.getUsername());
        } catch (UsernameNotFoundException e) {
            return null;
        } catch (DataAccessException e) {
            return signedIn;
        }
    }
}
