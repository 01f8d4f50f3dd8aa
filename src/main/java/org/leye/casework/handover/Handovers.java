package org.leye.casework.handover;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** The hand-overs received. */
interface Handovers extends JpaRepository<Handover, Long> {

    /** The hand-over of the kind with this content (ux_handover_kind_content_hash). */
    @Query("select h from Handover h where h.kind = ?1 and h.contentHash = ?2")
    Optional<Handover> findByKindAndContentHash(HandoverKind kind, String contentHash);

    List<Handover> findByStatusOrderById(HandoverStatus status);
}
