package org.leye.casework.shared.web;

import org.leye.casework.shared.problem.InvalidFieldException;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/** Paging parameters of the API: page from 0, size 1 to 200. */
public final class PageRequests {

    public static final int MAX_SIZE = 200;

    private PageRequests() {
    }

    public static PageRequest of(Integer page, Integer size, Sort sort) {
        int p = page == null ? 0 : page;
        int s = size == null ? 50 : size;
        if (p < 0) {
            throw new InvalidFieldException("page", "validation.page");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidFieldException("size", "validation.size", MAX_SIZE);
        }
        return PageRequest.of(p, s, sort);
    }
}
