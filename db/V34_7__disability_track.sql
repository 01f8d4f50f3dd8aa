-- The disability track (issue 19, item 6): the Disabled Persons' Federation's filing, survey,
-- tracking and service of a disabled graduate run as their own process (bpmn/disability-track.bpmn),
-- started from the graduate's assistance at school or at the bureau, so that they go on after the
-- graduate leaves school. The assistance keeps the track's process instance: one track per
-- assistance (so per graduate), and a move takes the track's tasks to the new district. Federation
-- officers are users of role DPF_OFFICER with a district (app_user.role is a VARCHAR(16) without a
-- constraint: no change there). No new index: the track is looked up from its assistance's row.
ALTER TABLE assistance ADD COLUMN disability_track_instance_id VARCHAR(64);
