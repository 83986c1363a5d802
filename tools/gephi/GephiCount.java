import java.io.File;

import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.graph.api.Node;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.EdgeMergeStrategy;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

/**
 * Imports each file given (GraphML, GEXF) the way Gephi does, headless, each into a workspace of
 * its own, and prints tab-separated lines: "issue LEVEL MESSAGE" for every import issue, "columns"
 * with the node and edge attribute titles, "node ID COLUMN VALUE" for the node attributes of the
 * node named by -Dgraphmap.node, "kinds N" the number of edge kinds, and
 * "counts FILE NODES EDGES" last. With -Dgraphmap.nomerge=true parallel edges are not merged
 * (the import dialog's "Don't merge" edge strategy); without it, Gephi's defaults.
 */
public class GephiCount {
    public static void main(String[] args) throws Exception {
        ProjectController pc = Lookup.getDefault().lookup(ProjectController.class);
        ImportController ic = Lookup.getDefault().lookup(ImportController.class);
        GraphController gc = Lookup.getDefault().lookup(GraphController.class);
        pc.newProject();
        String probe = System.getProperty("graphmap.node", "");
        for (String path : args) {
            Workspace ws = pc.newWorkspace(pc.getCurrentProject());
            pc.openWorkspace(ws);
            Container container = ic.importFile(new File(path));
            if (Boolean.getBoolean("graphmap.nomerge")) {  // the import dialog's "Don't merge" choice
                container.getLoader().setAllowParallelEdge(true);
                container.getLoader().setEdgesMergeStrategy(EdgeMergeStrategy.NO_MERGE);
            }
            java.util.Iterator<Issue> issues = container.getReport().getIssues(100000);
            while (issues.hasNext()) {
                Issue issue = issues.next();
                System.out.println("issue\t" + issue.getLevel() + "\t" + issue.getMessage());
            }
            ic.process(container, new DefaultProcessor(), ws);
            GraphModel model = gc.getGraphModel(ws);
            StringBuilder cols = new StringBuilder("columns");
            for (Column c : model.getNodeTable()) cols.append("\tnode:").append(c.getTitle());
            for (Column c : model.getEdgeTable()) cols.append("\tedge:").append(c.getTitle());
            System.out.println(cols);
            Node node = model.getGraph().getNode(probe);
            if (node != null) {
                for (Column c : model.getNodeTable()) {
                    Object v = node.getAttribute(c);
                    System.out.println("node\t" + probe + "\t" + c.getTitle() + "\t" + (v == null ? "" : v));
                }
            }
            System.out.println("kinds\t" + model.getEdgeTypeLabels().length);
            System.out.println("counts\t" + path + "\t" + model.getGraph().getNodeCount() + "\t"
                               + model.getGraph().getEdgeCount());
        }
        System.exit(0);
    }
}
