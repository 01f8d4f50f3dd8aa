"""Lays out bpmn/blacklist-follow-up.bpmn (elements and diagram). Run from the repository root:
   python3 bpmn/layout/blacklist_follow_up.py bpmn/blacklist-follow-up.bpmn
then check with `cd bpmn && npx --yes bpmnlint@11 blacklist-follow-up.bpmn`."""
import sys
from bpmnlayout import node, flow, write

# 招聘黑名单 (the plan, action 32): when an employer is put on the blacklist, every graduate referred
# to it or placed with it is followed up by the caseworkers of their district. Its own process, one
# per graduate, so that it reaches a graduate whose 131 case has closed (placed with that employer)
# as well as one whose case is open; the follow-up is the 131's contact form.
Y = 120
node('employerBlacklisted', 'startEvent', '推荐或就业单位列入黑名单', 150, Y)
node('blacklistedEmployerFollowUp', 'userTask', '黑名单单位回访', 300, Y,
     attrs='camunda:formKey="FOLLOW_UP" camunda:candidateGroups="${candidateGroup}" '
           'camunda:dueDate="${caseTimers.serviceTaskDue}" camunda:priority="${priority}"')
# past its due date it is flagged and the district's supervisors told, as every 131 task
node('blacklistFollowUpOverdue', 'boundaryEvent', '任务逾期', 330, Y + 40,
     attrs='cancelActivity="false" attachedToRef="blacklistedEmployerFollowUp"',
     body='<bpmn:timerEventDefinition id="blacklistFollowUpOverdue_timer">\n<bpmn:timeDuration xsi:type="bpmn:tFormalExpression">${caseTimers.serviceTaskDue}</bpmn:timeDuration>\n</bpmn:timerEventDefinition>')
node('markBlacklistFollowUpOverdue', 'serviceTask', '标记逾期并通知督导', 330, Y + 150,
     attrs='camunda:delegateExpression="${markTaskOverdue}"',
     body='<bpmn:extensionElements>\n<camunda:inputOutput>\n<camunda:inputParameter name="overdueActivity">blacklistedEmployerFollowUp</camunda:inputParameter>\n</camunda:inputOutput>\n</bpmn:extensionElements>')
node('blacklistFollowUpOverdueNotified', 'endEvent', '已通知督导', 470, Y + 150)
node('graduateFollowedUp', 'endEvent', '已回访', 450, Y)
flow('employerBlacklisted', 'blacklistedEmployerFollowUp')
flow('blacklistedEmployerFollowUp', 'graduateFollowedUp')
flow('blacklistFollowUpOverdue', 'markBlacklistFollowUpOverdue')
flow('markBlacklistFollowUpOverdue', 'blacklistFollowUpOverdueNotified')

write(sys.argv[1], 'blacklistFollowUp', '招聘黑名单单位的毕业生回访', {}, [])
