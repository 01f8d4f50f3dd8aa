"""Lays out bpmn/one-to-one-assistance.bpmn (elements and diagram). Run from the repository root:
   python3 bpmn/layout/one_to_one_assistance.py bpmn/one-to-one-assistance.bpmn
then check with `cd bpmn && npx --yes bpmnlint@11 one-to-one-assistance.bpmn`."""
import sys
from xml.sax.saxutils import escape, quoteattr

TASK = (100, 80); EVENT = (36, 36); GW = (50, 50)
nodes = {}   # id -> dict(kind, name, cx, cy, w, h, attrs, body, parent)
flows = []   # (id, src, tgt, name, cond, waypoints or None, parent)

def node(id, kind, name, cx, cy, parent='process', attrs='', body='', size=None):
    w, h = size or (TASK if kind in ('userTask', 'serviceTask') else GW if 'Gateway' in kind else EVENT)
    nodes[id] = dict(kind=kind, name=name, cx=cx, cy=cy, w=w, h=h, attrs=attrs, body=body, parent=parent)

def flow(src, tgt, name=None, cond=None, wps=None, parent='process'):
    flows.append(('Flow_%s_to_%s' % (src, tgt), src, tgt, name, cond, wps, parent))

def left(n): return (n['cx'] - n['w'] // 2, n['cy'])
def right(n): return (n['cx'] + n['w'] // 2, n['cy'])
def top(n): return (n['cx'], n['cy'] - n['h'] // 2)
def bottom(n): return (n['cx'], n['cy'] + n['h'] // 2)

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

dpf_io = '<bpmn:extensionElements>\n<camunda:inputOutput>\n<camunda:inputParameter name="district">${studentDistrict}</camunda:inputParameter>\n</camunda:inputOutput>\n</bpmn:extensionElements>'
dpf = 'camunda:candidateGroups="${dpfGroup}" ' + user
node('disabilityGateway', 'exclusiveGateway', '是否残疾学生？', 370, YD)
nodes['disabilityGateway']['labelAbove'] = True
nodes['trackFork']['labelAbove'] = True
node('noDisabilityTrack', 'endEvent', '无需残联服务', 370, YD + 110)
steps = [('dpfFile', '残联建档', 'DPF_FILE'), ('dpfSurvey', '残联调查', 'DPF_SURVEY'),
         ('dpfTracking', '残联跟踪', 'DPF_TRACKING'), ('dpfService', '残联服务', 'DPF_SERVICE')]
x = 500
for id, name, key in steps:
    node(id, 'userTask', name, x, YD, attrs='camunda:formKey="%s" %s' % (key, dpf), body=dpf_io)
    x += 150
node('disabilityTrackDone', 'endEvent', '残联服务已提供', x - 20, YD)
tf, dg = nodes['trackFork'], nodes['disabilityGateway']
flow('trackFork', 'disabilityGateway', wps=[bottom(tf), (tf['cx'], YD), left(dg)])
flow('disabilityGateway', 'dpfFile', name='残疾', cond='${disability}')
flow('disabilityGateway', 'noDisabilityTrack', name='否')
prev = 'dpfFile'
for id, _, _ in steps[1:]:
    flow(prev, id); prev = id
flow('dpfService', 'disabilityTrackDone')

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

def incoming(id): return [f for f in flows if f[2] == id]
def outgoing(id): return [f for f in flows if f[1] == id]

def element(id, indent):
    n = nodes[id]
    p = ' ' * indent
    attrs = ' id="%s"' % id
    if n['name']:
        attrs += ' name=%s' % quoteattr(n['name'])
    if n['attrs']:
        attrs += ' ' + n['attrs']
    if n['kind'] == 'exclusiveGateway' and id == 'disabilityGateway':
        attrs += ' default="Flow_disabilityGateway_to_noDisabilityTrack"'
    lines = ['%s<bpmn:%s%s>' % (p, n['kind'], attrs)]
    body = [l for l in n['body'].split('\n') if l] if n['body'] else []
    ext = [l for l in body if 'extensionElements' in l or 'camunda:' in l]
    rest = [l for l in body if l not in ext]
    depth = 0
    for l in ext:
        if l.startswith('</'):
            depth -= 1
        lines.append(p + '  ' + '  ' * depth + l)
        if not l.startswith('</') and not l.endswith('/>') and '</' not in l:
            depth += 1
    for f in incoming(id):
        lines.append('%s  <bpmn:incoming>%s</bpmn:incoming>' % (p, f[0]))
    for f in outgoing(id):
        lines.append('%s  <bpmn:outgoing>%s</bpmn:outgoing>' % (p, f[0]))
    depth = 0
    for l in rest:
        if l.startswith('</'):
            depth -= 1
        lines.append(p + '  ' + '  ' * depth + l)
        if not l.startswith('</') and not l.endswith('/>') and '</' not in l:
            depth += 1
    lines.append('%s</bpmn:%s>' % (p, n['kind']))
    return lines

def seqflow(f, indent):
    id, s, t, name, cond, _, _ = f
    p = ' ' * indent
    a = ' id="%s"' % id + (' name=%s' % quoteattr(name) if name else '') + ' sourceRef="%s" targetRef="%s"' % (s, t)
    if cond:
        return ['%s<bpmn:sequenceFlow%s>' % (p, a),
                '%s  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">%s</bpmn:conditionExpression>' % (p, escape(cond)),
                '%s</bpmn:sequenceFlow>' % p]
    return ['%s<bpmn:sequenceFlow%s />' % (p, a)]

out = ['<?xml version="1.0" encoding="UTF-8"?>',
       '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_oneToOneAssistance" targetNamespace="http://leye.org/casework/bpmn" exporter="Leye Casework (generated layout)" exporterVersion="1.0">',
       '  <bpmn:process id="oneToOneAssistance" name="困难毕业生一对一帮扶" isExecutable="true" camunda:historyTimeToLive="P365D">']
for id, n in nodes.items():
    if n['parent'] == 'process':
        out += element(id, 4)
for f in flows:
    if f[6] == 'process':
        out += seqflow(f, 4)
for sid, s in subs.items():
    out.append('    <bpmn:subProcess id="%s" name=%s triggeredByEvent="true">' % (sid, quoteattr(s['name'])))
    for id, n in nodes.items():
        if n['parent'] == sid:
            out += element(id, 6)
    for f in flows:
        if f[6] == sid:
            out += seqflow(f, 6)
    out.append('    </bpmn:subProcess>')
out.append('  </bpmn:process>')
out.append('  <bpmn:message id="Message_StudentPlaced" name="StudentPlaced" />')
out.append('  <bpmndi:BPMNDiagram id="BPMNDiagram_oneToOneAssistance">')
out.append('    <bpmndi:BPMNPlane id="BPMNPlane_oneToOneAssistance" bpmnElement="oneToOneAssistance">')

def label(n):
    if not n['name'] or n['kind'] in ('userTask', 'serviceTask'):
        return []
    w = max(60, 14 * len(n['name']) // 1 if len(n['name']) < 8 else 100)
    lx = n['cx'] - w // 2
    ly = n['cy'] + n['h'] // 2 + 5
    if n.get('labelAbove'):
        ly = n['cy'] - n['h'] // 2 - 22
    lines = 1 if 14 * len(n['name']) <= w else 2
    return ['        <bpmndi:BPMNLabel>', '          <dc:Bounds x="%d" y="%d" width="%d" height="%d" />' % (lx, ly, w, 14 * lines), '        </bpmndi:BPMNLabel>']

for sid, s in subs.items():
    out.append('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s" isExpanded="true">' % (sid, sid))
    out.append('        <dc:Bounds x="%d" y="%d" width="%d" height="%d" />' % (s['x'], s['y'], s['w'], s['h']))
    out.append('      </bpmndi:BPMNShape>')
for id, n in nodes.items():
    extra = ' isMarkerVisible="true"' if n['kind'] == 'exclusiveGateway' else ''
    out.append('      <bpmndi:BPMNShape id="%s_di" bpmnElement="%s"%s>' % (id, id, extra))
    out.append('        <dc:Bounds x="%d" y="%d" width="%d" height="%d" />' % (n['cx'] - n['w'] // 2, n['cy'] - n['h'] // 2, n['w'], n['h']))
    out += label(n)
    out.append('      </bpmndi:BPMNShape>')
for f in flows:
    id, s, t, name, _, wps, _ = f
    a, b = nodes[s], nodes[t]
    if wps is None:
        if a['cy'] == b['cy']:
            wps = [right(a), left(b)]
        elif a['cx'] == b['cx']:
            wps = [bottom(a), top(b)] if b['cy'] > a['cy'] else [top(a), bottom(b)]
        else:
            wps = [right(a), (b['cx'], a['cy']), top(b)]
    out.append('      <bpmndi:BPMNEdge id="%s_di" bpmnElement="%s">' % (id, id))
    for x, y in wps:
        out.append('        <di:waypoint x="%d" y="%d" />' % (x, y))
    if name:
        mx = (wps[0][0] + wps[1][0]) // 2
        my = (wps[0][1] + wps[1][1]) // 2
        w = 14 * len(name) + 4
        out.append('        <bpmndi:BPMNLabel>')
        if len(wps) > 2 and wps[1][1] == wps[2][1]:  # loop-back over the top
            out.append('          <dc:Bounds x="%d" y="%d" width="%d" height="14" />' % ((wps[1][0] + wps[2][0]) // 2 - w // 2, wps[1][1] - 18, w))
        elif wps[0][0] == wps[1][0]:
            out.append('          <dc:Bounds x="%d" y="%d" width="%d" height="14" />' % (mx + 6, my - 7, w))
        else:
            out.append('          <dc:Bounds x="%d" y="%d" width="%d" height="14" />' % (mx - w // 2, my - 20, w))
        out.append('        </bpmndi:BPMNLabel>')
    out.append('      </bpmndi:BPMNEdge>')
out.append('    </bpmndi:BPMNPlane>')
out.append('  </bpmndi:BPMNDiagram>')
out.append('</bpmn:definitions>')
open(sys.argv[1], 'w').write('\n'.join(out) + '\n')
