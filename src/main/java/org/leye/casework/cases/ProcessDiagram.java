package org.leye.casework.cases;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.leye.casework.shared.ProcessAdapter;
import org.springframework.stereotype.Component;

/**
 * The 131 process as the engine deployed it, drawn as SVG from the model's own diagram layout,
 * with the case's current steps highlighted. No script: the page shows it as an image, and names
 * the current steps in text beside it.
 */
@Component
@ProcessAdapter
class ProcessDiagram {

    private final RepositoryService repository;
    private final RuntimeService runtime;

    ProcessDiagram(RepositoryService repository, RuntimeService runtime) {
        this.repository = repository;
        this.runtime = runtime;
    }

    /** The model's XML that a process instance runs (or the latest of the key once it has ended). */
    String xml(String processInstanceId, String key) {
        return xml(definition(processInstanceId, key));
    }

    /** The picture of the model that a process instance runs, its current steps highlighted. */
    String svg(String processInstanceId, String key) {
        return svg(definition(processInstanceId, key), new java.util.HashSet<>(activeActivities(processInstanceId)));
    }

    /**
     * The names of the steps a process instance waits in; none once it has ended or without a model.
     * Two reads of the engine (the instance, its active activities), the names from the model of its
     * definition by a map kept per definition and activity: the graduate page asks on every view, and
     * the definition's look-up, a second check that the instance runs and the model's search took half
     * the page's samples in the load test at a million (2026-12-06).
     */
    List<String> currentStepNames(String processInstanceId, String key) {
        ProcessInstance instance = processInstanceId == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance == null) {
            return List.of();
        }
        List<String> active;
        try {
            active = runtime.getActiveActivityIds(processInstanceId);
        } catch (org.camunda.bpm.engine.exception.NullValueException endedSinceTheQuery) {
            return List.of();
        }
        String definitionId = instance.getProcessDefinitionId();
        return active.stream().map(id -> STEP_NAMES.computeIfAbsent(definitionId + '#' + id,
                k -> stepName(definitionId, id))).distinct().toList();
    }

    /** A step's name by definition and activity id (a deployed definition never changes). */
    private static final java.util.Map<String, String> STEP_NAMES = new java.util.concurrent.ConcurrentHashMap<>();

    private String stepName(String definitionId, String activityId) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definitionId);
        return Optional.ofNullable(model.<FlowElement>getModelElementById(activityId)).map(FlowElement::getName)
                .orElse(activityId);
    }

    /** The definition a process instance runs, or the latest of the key when the instance has ended. */
    private ProcessDefinition definition(String processInstanceId, String key) {
        ProcessInstance instance = processInstanceId == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        if (instance != null) {
            return repository.getProcessDefinition(instance.getProcessDefinitionId());
        }
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }

    /** The ids of the activities the instance waits in; none once it has ended. */
    List<String> activeActivities(String processInstanceId) {
        if (processInstanceId == null
                || runtime.createProcessInstanceQuery().processInstanceId(processInstanceId).count() == 0) {
            return List.of();
        }
        return runtime.getActiveActivityIds(processInstanceId);
    }

    /** The model's XML, as deployed. */
    private String xml(ProcessDefinition definition) {
        return Bpmn.convertToString(repository.getBpmnModelInstance(definition.getId()));
    }

    private String svg(ProcessDefinition definition, Set<String> active) {
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        double maxX = 0;
        double maxY = 0;
        StringBuilder shapes = new StringBuilder();
        StringBuilder edges = new StringBuilder();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            Bounds b = shape.getBounds();
            maxX = Math.max(maxX, b.getX() + b.getWidth());
            maxY = Math.max(maxY, b.getY() + b.getHeight());
            shapes.append(shape(shape.getBpmnElement(), b, active));
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            StringBuilder points = new StringBuilder();
            for (Waypoint w : edge.getWaypoints()) {
                points.append(num(w.getX())).append(',').append(num(w.getY())).append(' ');
                maxX = Math.max(maxX, w.getX());
                maxY = Math.max(maxY, w.getY());
            }
            edges.append("<polyline class=\"flow\" points=\"").append(points.toString().strip())
                    .append("\" marker-end=\"url(#arrow)\"/>");
            if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null
                    && edge.getBpmnElement() instanceof FlowElement flow && flow.getName() != null) {
                Bounds lb = edge.getBpmnLabel().getBounds();
                edges.append(text(flow.getName(), lb.getX() + lb.getWidth() / 2, lb.getY() + 10, "label"));
            }
        }
        String title = esc(definition.getName() == null ? definition.getKey() : definition.getName());
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + num(maxX + 20) + " " + num(maxY + 20)
                + "\" role=\"img\" font-family=\"'Noto Sans CJK SC','Microsoft YaHei',sans-serif\" font-size=\"12\">"
                + "<title>" + title + "</title>"
                + "<style>.flow{fill:none;stroke:#555;stroke-width:1.2}.shape{fill:#fff;stroke:#333;stroke-width:1.5}"
                + ".sub{fill:none;stroke:#888;stroke-dasharray:6 4}.active{fill:#fff3cd;stroke:#d9480f;stroke-width:4}"
                + ".label{fill:#444;font-size:11px}.name{fill:#111}</style>"
                + "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"7\" "
                + "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"#555\"/>"
                + "</marker></defs>" + edges + shapes + "</svg>";
    }

    private static String shape(BaseElement element, Bounds b, Set<String> active) {
        boolean on = element != null && active.contains(element.getId());
        String cls = on ? "active" : "shape";
        double x = b.getX();
        double y = b.getY();
        double w = b.getWidth();
        double h = b.getHeight();
        String name = element instanceof FlowElement f ? f.getName() : null;
        StringBuilder svg = new StringBuilder("<g");
        if (on) {
            svg.append(" data-active=\"true\"");
        }
        if (element != null) {
            svg.append(" data-id=\"").append(esc(element.getId())).append('"');
        }
        svg.append('>');
        if (element instanceof SubProcess) {
            svg.append("<rect class=\"").append(on ? "active" : "sub").append("\" x=\"").append(num(x))
                    .append("\" y=\"").append(num(y)).append("\" width=\"").append(num(w)).append("\" height=\"")
                    .append(num(h)).append("\" rx=\"10\"/>");
            if (name != null) {
                svg.append(text(name, x + 8, y + 16, "name").replace("text-anchor=\"middle\"", "text-anchor=\"start\""));
            }
        } else if (element instanceof Event) {
            double r = Math.min(w, h) / 2;
            svg.append("<circle class=\"").append(cls).append("\" cx=\"").append(num(x + w / 2)).append("\" cy=\"")
                    .append(num(y + h / 2)).append("\" r=\"").append(num(r)).append("\"/>");
            if (name != null) {
                svg.append(text(name, x + w / 2, y + h + 14, "label"));
            }
        } else if (element instanceof Gateway) {
            svg.append("<polygon class=\"").append(cls).append("\" points=\"").append(num(x + w / 2)).append(',')
                    .append(num(y)).append(' ').append(num(x + w)).append(',').append(num(y + h / 2)).append(' ')
                    .append(num(x + w / 2)).append(',').append(num(y + h)).append(' ').append(num(x)).append(',')
                    .append(num(y + h / 2)).append("\"/>");
            if (name != null) {
                svg.append(text(name, x + w / 2, y - 6, "label"));
            }
        } else {
            svg.append("<rect class=\"").append(cls).append("\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                    .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h)).append("\" rx=\"8\"/>");
            if (name != null) {
                int perLine = Math.max(4, (int) ((w - 10) / 12));
                int lines = (name.length() + perLine - 1) / perLine;
                double top = y + h / 2 - (lines - 1) * 7 + 4;
                for (int i = 0; i < lines; i++) {
                    String part = name.substring(i * perLine, Math.min(name.length(), (i + 1) * perLine));
                    svg.append(text(part, x + w / 2, top + i * 14, "name"));
                }
            }
        }
        return svg.append("</g>").toString();
    }

    private static String text(String s, double x, double y, String cls) {
        return "<text class=\"" + cls + "\" x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"middle\">"
                + esc(s) + "</text>";
    }

    private static String num(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    /** XML's five special characters; the names are Chinese text, which SVG takes as it is. */
    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
