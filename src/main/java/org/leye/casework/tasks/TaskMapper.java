package org.leye.casework.tasks;

import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface TaskMapper {

    @Mapping(target = "district", source = "districtCode")
    @Mapping(target = "due", source = "dueAt")
    @Mapping(target = "created", source = "createdAt")
    @Mapping(target = "owner", source = "caseOwner")
    TaskView toView(CaseTask task);
}
