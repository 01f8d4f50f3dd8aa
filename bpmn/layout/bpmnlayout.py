"""The layout of the generated BPMN models: elements placed by centre, flows routed between them,
written with their diagram (BPMNDiagram shapes and edges). Each model's script in this folder
places its nodes and flows and calls write()."""
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


def disability_branch(fork, gateway_name, x, y):
    """The branch of an assistance that puts a disabled graduate on the disability track, a process
    of its own (disability-track.bpmn): from the parallel gateway `fork` down to a gateway at (x, y),
    then the service task that starts the track, or no track."""
    node('disabilityGateway', 'exclusiveGateway', gateway_name, x, y,
         attrs='default="Flow_disabilityGateway_to_noDisabilityTrack"')
    nodes['disabilityGateway']['labelAbove'] = True
    node('noDisabilityTrack', 'endEvent', '无需残联服务', x, y + 110)
    node('startDisabilityTrack', 'serviceTask', '转残联跟踪服务', x + 150, y,
         attrs='camunda:delegateExpression="${startDisabilityTrack}"')
    node('disabilityTrackStarted', 'endEvent', '残联跟踪服务已开始', x + 290, y)
    f, g = nodes[fork], nodes['disabilityGateway']
    flow(fork, 'disabilityGateway', wps=[bottom(f), (f['cx'], y), left(g)])
    flow('disabilityGateway', 'startDisabilityTrack', name='残疾', cond='${disability}')
    flow('disabilityGateway', 'noDisabilityTrack', name='否')
    flow('startDisabilityTrack', 'disabilityTrackStarted')

def write(path, process_id, process_name, subs, messages):
    """Writes the model: the process, its event sub-processes ({id: dict(name, x, y, w, h)}), its
    messages (names) and the diagram."""
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_%s" targetNamespace="http://leye.org/casework/bpmn" exporter="Leye Casework (generated layout)" exporterVersion="1.0">' % process_id,
           '  <bpmn:process id="%s" name=%s isExecutable="true" camunda:historyTimeToLive="P365D">' % (process_id, quoteattr(process_name))]
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
    for m in messages:
        out.append('  <bpmn:message id="Message_%s" name="%s" />' % (m, m))
    out.append('  <bpmndi:BPMNDiagram id="BPMNDiagram_%s">' % process_id)
    out.append('    <bpmndi:BPMNPlane id="BPMNPlane_%s" bpmnElement="%s">' % (process_id, process_id))

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
    open(path, 'w').write('\n'.join(out) + '\n')
