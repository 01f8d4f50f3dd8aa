package org.leye.casework.graduates;

import java.util.List;

import org.leye.casework.security.CurrentUser;
import org.springframework.ui.Model;

/**
 * A part of a graduate's page that another capability shows: the case and its process
 * ({@code cases}), the ledger and the 131 figures ({@code ledger}). Those capabilities build on
 * graduates, so the page cannot ask them; each contributes instead, as a bean implementing this,
 * the model attributes its fragments show and where the fragments go. The page has checked that
 * the caller may see the graduate before it asks a part.
 */
public interface GraduatePagePart {

    /** Where on the page a fragment goes. */
    enum Place {
        /** Among the record's facts: a {@code dt} and its {@code dd}. */
        RECORD,
        /** Beside the record, a card of its own. */
        BESIDE_RECORD,
        /** Below the record, one section after another. */
        BELOW
    }

    /**
     * A fragment of a part.
     *
     * @param place    where it goes
     * @param order    its order among the fragments of that place, lower first
     * @param fragment the fragment, {@code "template :: selector"}
     */
    record Fragment(Place place, int order, String fragment) {
    }

    /** The fragments that show this part. */
    List<Fragment> fragments();

    /** Adds to the page's model what the fragments show of the graduate, whom the caller may see. */
    void addTo(Model model, long graduateId, CurrentUser caller);
}
