"""Lays out bpmn/one-to-one-assistance.bpmn (elements and diagram). Run from the repository root:
   python3 bpmn/layout/one_to_one_assistance.py bpmn/one-to-one-assistance.bpmn
then check with `cd bpmn && npx --yes bpmnlint@11 one-to-one-assistance.bpmn`."""
import sys
from bpmnlayout import node, flow, nodes, top, disability_branch, write

Y, YD = 180, 340
user = 'camunda:priority="${priority}"'
node('studentRegistered', 'startEvent', '登记困难学生', 150, Y)
node('trackFork', 'parallelGateway', '帮扶与残联服务同时进行', 240, Y)
node('assignHelper', 'userTask', '指定帮扶责任人', 370, Y,
     attrs='camunda:formKey="ASSIGN_HELPER" camunda:candidateGroups="${counselorGroup}" ' + user)
node('assistancePlan', 'userTask', '制定帮扶计划', 530, Y,
     attrs='camunda:formKey="ASSISTANCE_PLAN" camunda:assignee="${helper}" camunda:dueDate="${assistanceTimers.followUpDue}" ' + user)
node('followUpMerge', 'exclusiveGateway', None, 660, Y)
node('followUpWait', 'intermediateCatchEvent', '每14天跟踪，直至落实去向或离校', 760, Y,
     body='<bpmn:timerEventDefinition id="followUpWait_timer">\n<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${assistanceTimers.followUpCycle}</bpmn:timeDuration>\n</bpmn:timerEventDefinition>')
node('assistanceFollowUp', 'userTask', '跟踪帮扶', 880, Y,
     attrs='camunda:formKey="ASSISTANCE_FOLLOW_UP" camunda:assignee="${helper}" camunda:dueDate="${assistanceTimers.followUpDue}" ' + user)
flow('studentRegistered', 'trackFork')
flow('trackFork', 'assignHelper')
flow('assignHelper', 'assistancePlan')
flow('assistancePlan', 'followUpMerge')
flow('followUpMerge', 'followUpWait')
flow('followUpWait', 'assistanceFollowUp')
fu, m = nodes['assistanceFollowUp'], nodes['followUpMerge']
flow('assistanceFollowUp', 'followUpMerge',
     wps=[top(fu), (fu['cx'], Y - 90), (m['cx'], Y - 90), top(m)])

# the federation's filing, survey, tracking and service run as their own process
# (disability-track.bpmn), so that they go on once the student leaves school and this one ends
nodes['trackFork']['labelAbove'] = True
disability_branch('trackFork', '是否残疾学生？', 370, YD)

# event sub-processes
SY = 610
subs = {
    'leavingSchoolSubprocess': dict(name='离校未就业，移交131服务', x=150, y=520, w=440, h=170),
    'placedSubprocess': dict(name='落实毕业去向', x=650, y=520, w=360, h=170),
}
node('leftSchool', 'startEvent', '离校（默认6月30日）', 210, SY, parent='leavingSchoolSubprocess',
     body='<bpmn:timerEventDefinition id="leftSchool_timer">\n<bpmn:timeDate xsi:type="bpmn:tFormalExpression">${leavingSchoolAt}</bpmn:timeDate>\n</bpmn:timerEventDefinition>')
node('handOverTo131', 'serviceTask', '移交131服务', 360, SY, parent='leavingSchoolSubprocess',
     attrs='camunda:delegateExpression="${handOverToService131}"')
node('handedOver', 'endEvent', '已移交131服务', 520, SY, parent='leavingSchoolSubprocess')
flow('leftSchool', 'handOverTo131', parent='leavingSchoolSubprocess')
flow('handOverTo131', 'handedOver', parent='leavingSchoolSubprocess')
node('studentPlaced', 'startEvent', '毕业去向已落实', 720, SY, parent='placedSubprocess',
     body='<bpmn:messageEventDefinition id="studentPlaced_message" messageRef="Message_StudentPlaced" />')
node('assistancePlaced', 'endEvent', '已落实去向，帮扶结束', 930, SY, parent='placedSubprocess')
flow('studentPlaced', 'assistancePlaced', parent='placedSubprocess')

write(sys.argv[1], 'oneToOneAssistance', '困难毕业生一对一帮扶', subs, ['StudentPlaced'])
