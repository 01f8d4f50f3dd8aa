package org.leye.casework.cases;

/**
 * A graduate's 131 case as other modules and the graduate's page read it.
 *
 * @param processInstanceId the process instance that runs the case, none once it has ended
 * @param owner             the responsible caseworker (一对一), none while there is none
 */
public record CaseSummary(Long id, String caseNumber, Long graduateId, String districtCode, CaseStatus status,
        int priority, String processInstanceId, String owner) {

    public boolean open() {
        return status != CaseStatus.CLOSED;
    }

    static CaseSummary of(CaseFile c) {
        return new CaseSummary(c.getId(), c.getCaseNumber(), c.getGraduateId(), c.getDistrictCode(), c.getStatus(),
                c.getPriority(), c.getProcessInstanceId(), c.getOwner());
    }
}
