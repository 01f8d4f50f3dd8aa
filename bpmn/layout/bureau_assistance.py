"""Lays out bpmn/bureau-assistance.bpmn (elements and diagram). Run from the repository root:
   python3 bpmn/layout/bureau_assistance.py bpmn/bureau-assistance.bpmn
then check with `cd bpmn && npx --yes bpmnlint@11 bureau-assistance.bpmn`."""
import sys
from bpmnlayout import node, flow, nodes, top, disability_branch, write

# 两个百分百: a graduate in difficulty who came to the bureau by any route but the school's
# one-to-one assistance gets a named responsible person at the bureau, a plan and follow-ups
Y = 180
user = 'camunda:priority="${priority}"'
node('graduateInDifficulty', 'startEvent', '困难毕业生登记', 150, Y)
node('trackFork', 'parallelGateway', '帮扶与残联服务同时进行', 240, Y)
nodes['trackFork']['labelAbove'] = True
node('assignHelper', 'userTask', '指定帮扶责任人', 370, Y,
     attrs='camunda:formKey="ASSIGN_HELPER" camunda:candidateGroups="${helperGroup}" camunda:dueDate="${assistanceTimers.followUpDue}" ' + user)
node('assistancePlan', 'userTask', '制定帮扶计划', 530, Y,
     attrs='camunda:formKey="ASSISTANCE_PLAN" camunda:assignee="${helper}" camunda:dueDate="${assistanceTimers.followUpDue}" ' + user)
node('followUpMerge', 'exclusiveGateway', None, 660, Y)
node('followUpWait', 'intermediateCatchEvent', '每30天跟踪，直至落实去向', 760, Y,
     body='<bpmn:timerEventDefinition id="followUpWait_timer">\n<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${assistanceTimers.bureauFollowUpCycle}</bpmn:timeDuration>\n</bpmn:timerEventDefinition>')
node('assistanceFollowUp', 'userTask', '跟踪帮扶', 880, Y,
     attrs='camunda:formKey="ASSISTANCE_FOLLOW_UP" camunda:assignee="${helper}" camunda:dueDate="${assistanceTimers.followUpDue}" ' + user)
# a follow-up past its due date is flagged and the district's supervisors told, as in the 131
node('assistanceFollowUpOverdue', 'boundaryEvent', '任务逾期', 910, Y + 40,
     attrs='cancelActivity="false" attachedToRef="assistanceFollowUp"',
     body='<bpmn:timerEventDefinition id="assistanceFollowUpOverdue_timer">\n<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${assistanceTimers.followUpDue}</bpmn:timeDuration>\n</bpmn:timerEventDefinition>')
node('markAssistanceFollowUpOverdue', 'serviceTask', '标记逾期并通知督导', 910, Y + 150,
     attrs='camunda:delegateExpression="${markTaskOverdue}"',
     body='<bpmn:extensionElements>\n<camunda:inputOutput>\n<camunda:inputParameter name="overdueActivity">assistanceFollowUp</camunda:inputParameter>\n</camunda:inputOutput>\n</bpmn:extensionElements>')
node('assistanceFollowUpOverdueNotified', 'endEvent', '已通知督导', 1050, Y + 150)
flow('graduateInDifficulty', 'trackFork')
flow('trackFork', 'assignHelper')
flow('assignHelper', 'assistancePlan')
flow('assistancePlan', 'followUpMerge')
flow('followUpMerge', 'followUpWait')
flow('followUpWait', 'assistanceFollowUp')
fu, m = nodes['assistanceFollowUp'], nodes['followUpMerge']
flow('assistanceFollowUp', 'followUpMerge',
     wps=[top(fu), (fu['cx'], Y - 90), (m['cx'], Y - 90), top(m)])
flow('assistanceFollowUpOverdue', 'markAssistanceFollowUpOverdue')
flow('markAssistanceFollowUpOverdue', 'assistanceFollowUpOverdueNotified')

# a disabled graduate is on the Disabled Persons' Federation's track too, as their own process
# (disability-track.bpmn): the plan puts the federation's duty on exactly these leavers
YD = Y + 150
disability_branch('trackFork', '是否残疾毕业生？', 370, YD)

SY = 580
subs = {'placedSubprocess': dict(name='落实毕业去向', x=150, y=495, w=360, h=170)}
node('graduatePlaced', 'startEvent', '毕业去向已落实', 220, SY, parent='placedSubprocess',
     body='<bpmn:messageEventDefinition id="graduatePlaced_message" messageRef="Message_StudentPlaced" />')
node('assistancePlaced', 'endEvent', '已落实去向，帮扶结束', 430, SY, parent='placedSubprocess')
flow('graduatePlaced', 'assistancePlaced', parent='placedSubprocess')

write(sys.argv[1], 'bureauAssistance', '离校未就业困难毕业生结对帮扶', subs, ['StudentPlaced'])
