package kgtest;

import java.io.File;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.Element;
import org.gephi.graph.api.Graph;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Interval;
import org.gephi.graph.api.Node;
import org.gephi.graph.api.Table;
import org.gephi.graph.api.TimeFormat;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.importer.api.Report;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Headless import check: imports a graph file (GEXF, GraphML, ...) with the
 * Gephi Toolkit and prints one JSON line describing the resulting graph.
 *
 * Exit codes: 0 ok, 1 usage error, 2 import failed or CRITICAL issue reported.
 */
public final class GephiImportCheck {

    private GephiImportCheck() {
    }

    public static void main(String[] args) {
        // Keep stdout clean for the single JSON line: anything Gephi/NetBeans
        // prints on System.out is diverted to stderr.
        PrintStream json = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        if (args.length != 1) {
            System.err.println("usage: GephiImportCheck FILE");
            System.exit(1);
        }
        int rc;
        try {
            rc = run(new File(args[0]), json);
        } catch (Throwable t) {
            System.err.println("gephi import failed: " + t);
            t.printStackTrace(System.err);
            rc = 2;
        }
        json.flush();
        // Gephi/NetBeans may leave non-daemon threads behind.
        System.exit(rc);
    }

    private static int run(File file, PrintStream json) throws Exception {
        if (!file.isFile()) {
            System.err.println("gephi import failed: no such file: " + file);
            return 2;
        }

        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        pc.newProject();
        Workspace workspace = pc.getCurrentWorkspace();

        ImportController importController = Lookup.getDefault().lookup(ImportController.class);
        Container container = importController.importFile(file);
        if (container == null) {
            System.err.println("gephi import failed: no importer/container for " + file
                    + " (unsupported extension or parse error)");
            return 2;
        }

        List<Issue> allIssues = new ArrayList<>(issuesOf(container.getReport()));
        String reportText = container.getReport() == null ? "" : container.getReport().getText();
        String timeFormat = String.valueOf(container.getUnloader().getTimeFormat());
        String timeRepresentation = String.valueOf(container.getUnloader().getTimeRepresentation());

        DefaultProcessor processor = new DefaultProcessor();
        importController.process(container, processor, workspace);
        allIssues.addAll(issuesOf(processor.getReport()));

        GraphModel graphModel = Lookup.getDefault().lookup(GraphController.class).getGraphModel(workspace);
        Graph graph = graphModel.getGraph();

        List<String> issueStrings = new ArrayList<>();
        boolean critical = false;
        for (Issue issue : allIssues) {
            issueStrings.add(issue.getLevel() + ": " + issue.getMessage());
            if (issue.getLevel() == Issue.Level.CRITICAL) {
                critical = true;
            }
        }

        List<String> dynamicColumns = new ArrayList<>();
        List<String> nodeColumns = columnTitles(graphModel.getNodeTable(), dynamicColumns, "node");
        List<String> edgeColumns = columnTitles(graphModel.getEdgeTable(), dynamicColumns, "edge");

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nodes", graph.getNodeCount());
        out.put("edges", graph.getEdgeCount());
        out.put("node_columns", nodeColumns);
        out.put("edge_columns", edgeColumns);
        out.put("directed", graphModel.isDirected());
        boolean dynamic = graphModel.isDynamic() || !dynamicColumns.isEmpty();
        out.put("dynamic", dynamic);
        // Empty when there is no node column titled "type" (see node_columns).
        out.put("node_types", nodeTypes(graphModel.getNodeTable(), graph));
        out.put("issues", issueStrings);
        // Extra diagnostics (not part of the minimal contract).
        out.put("mixed", graphModel.isMixed());
        out.put("graph_model_dynamic", graphModel.isDynamic());
        out.put("dynamic_columns", dynamicColumns);
        out.put("time_format", timeFormat);
        out.put("time_representation", timeRepresentation);
        out.put("time_bounds", timeBounds(graphModel));
        out.put("timed_nodes", timedCount(graph.getNodes()));
        out.put("timed_edges", timedCount(graph.getEdges()));
        out.put("edge_intervals", intervalCount(graph.getEdges()));
        out.put("edge_kinds", edgeKinds(graph));
        List<String> reportLines = new ArrayList<>();
        for (String line : reportText.split("\\R")) {
            if (!line.isBlank()) {
                reportLines.add(line.strip());
            }
        }
        out.put("report", reportLines);

        if (critical) {
            System.err.println("gephi import reported CRITICAL issue(s): " + issueStrings);
            json.println(toJson(out));
            return 2;
        }
        json.println(toJson(out));
        return 0;
    }

    private static List<String> timeBounds(GraphModel graphModel) {
        Interval b = graphModel.getTimeBounds();
        List<String> out = new ArrayList<>();
        if (b == null || Double.isInfinite(b.getLow()) || Double.isInfinite(b.getHigh())) {
            return out;
        }
        TimeFormat tf = graphModel.getTimeFormat();
        for (double v : new double[] {b.getLow(), b.getHigh()}) {
            if (tf == TimeFormat.DATE || tf == TimeFormat.DATETIME) {
                out.add(Instant.ofEpochMilli((long) v).toString());
            } else {
                out.add(Double.toString(v));
            }
        }
        return out;
    }

    /** How many of the elements have at least one time interval (a spell, or start/end). */
    private static int timedCount(Iterable<? extends Element> elements) {
        int count = 0;
        for (Element e : elements) {
            Interval[] intervals = e.getIntervals();
            if (intervals != null && intervals.length > 0) {
                count++;
            }
        }
        return count;
    }

    /** The time intervals of the elements, all together. */
    private static int intervalCount(Iterable<? extends Element> elements) {
        int count = 0;
        for (Element e : elements) {
            Interval[] intervals = e.getIntervals();
            count += intervals == null ? 0 : intervals.length;
        }
        return count;
    }

    /** Edges per edge type label (the GEXF edge "kind"). */
    private static Map<String, Object> edgeKinds(Graph graph) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Edge e : graph.getEdges()) {
            counts.merge(String.valueOf(e.getTypeLabel()), 1, Integer::sum);
        }
        return new LinkedHashMap<>(counts);
    }

    private static Collection<Issue> issuesOf(Report report) {
        if (report == null) {
            return new ArrayList<>();
        }
        return report.getIssuesList(Integer.MAX_VALUE);
    }

    private static List<String> columnTitles(Table table, List<String> dynamicColumns, String kind) {
        List<String> titles = new ArrayList<>();
        for (Column c : table) {
            titles.add(c.getTitle());
            // "timeset" is the built-in element lifetime property; report only
            // real dynamic attribute columns here.
            if (c.isDynamicAttribute()) {
                dynamicColumns.add(kind + ":" + c.getTitle() + " (" + c.getTypeClass().getSimpleName() + ")");
            }
        }
        return titles;
    }

    private static Map<String, Object> nodeTypes(Table table, Graph graph) {
        Column typeCol = null;
        for (Column c : table) {
            if ("type".equals(c.getTitle())) {
                typeCol = c;
                break;
            }
        }
        if (typeCol == null) {
            for (Column c : table) {
                if ("type".equalsIgnoreCase(c.getTitle()) || "type".equalsIgnoreCase(c.getId())) {
                    typeCol = c;
                    break;
                }
            }
        }
        if (typeCol == null) {
            return new LinkedHashMap<>();
        }
        Map<String, Integer> counts = new TreeMap<>();
        for (Node n : graph.getNodes()) {
            Object v = n.getAttribute(typeCol);
            String key = v == null ? "null" : String.valueOf(v);
            counts.merge(key, 1, Integer::sum);
        }
        return new LinkedHashMap<>(counts);
    }

    // ---- minimal JSON writer -------------------------------------------

    private static String toJson(Object o) {
        StringBuilder sb = new StringBuilder();
        writeJson(sb, o);
        return sb.toString();
    }

    private static void writeJson(StringBuilder sb, Object o) {
        if (o == null) {
            sb.append("null");
        } else if (o instanceof Boolean || o instanceof Integer || o instanceof Long) {
            sb.append(o);
        } else if (o instanceof Map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : ((Map<?, ?>) o).entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                writeString(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                writeJson(sb, e.getValue());
            }
            sb.append('}');
        } else if (o instanceof Iterable) {
            sb.append('[');
            boolean first = true;
            for (Object x : (Iterable<?>) o) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                writeJson(sb, x);
            }
            sb.append(']');
        } else {
            writeString(sb, String.valueOf(o));
        }
    }

    private static void writeString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"':
                    sb.append("\\\"");
                    break;
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        sb.append('"');
    }
}
