"""Lays out bpmn/disability-track.bpmn (elements and diagram). Run from the repository root:
   python3 bpmn/layout/disability_track.py bpmn/disability-track.bpmn
then check with `cd bpmn && npx --yes bpmnlint@11 disability-track.bpmn`."""
import sys
from bpmnlayout import node, flow, write

# 做實做細殘疾高校畢業生的建檔、調查、跟蹤、服務工作 (the plan, action 31: the bureau and the
# Disabled Persons' Federation, for leavers in difficulty): a disabled graduate's filing, survey,
# tracking and service by the federation officers of their district. Its own process, started from
# the graduate's assistance (at school or at the bureau), so it goes on once they leave school.
Y = 120
task = 'camunda:candidateGroups="${dpfGroup}" camunda:priority="${priority}"'
node('disabledGraduateRegistered', 'startEvent', '残疾毕业生登记', 150, Y)
steps = [('dpfFile', '残联建档', 'DPF_FILE'), ('dpfSurvey', '残联调查', 'DPF_SURVEY'),
         ('dpfTracking', '残联跟踪', 'DPF_TRACKING'), ('dpfService', '残联服务', 'DPF_SERVICE')]
x, prev = 270, 'disabledGraduateRegistered'
for id, name, key in steps:
    node(id, 'userTask', name, x, Y, attrs='camunda:formKey="%s" %s' % (key, task))
    flow(prev, id)
    x, prev = x + 150, id
node('disabilityTrackDone', 'endEvent', '残联服务已提供', x - 20, Y)
flow(prev, 'disabilityTrackDone')

write(sys.argv[1], 'disabilityTrack', '残疾毕业生残联跟踪服务', {}, [])
