package dev.halab.gui.topology;

import dev.halab.gui.common.Texts;
import javafx.animation.Interpolator;
import javafx.animation.TranslateTransition;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.util.Duration;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * The lab drawn in code: the client (controller) on the left, the two front ends in the middle,
 * the two back ends on the right, their links, each node's VRRP state and service health, and the
 * VIP badge that slides to whichever front end holds the VIP (or waits, red, in between when
 * nobody does). Everything shown is read from the {@link TopologyModel}; nothing is guessed.
 */
public final class TopologyView extends Region {
    static final double WIDTH = 860;
    static final double HEIGHT = 340;
    private static final double NODE_W = 220;
    private static final double NODE_H = 112;
    private static final Duration BADGE_MOVE = Duration.millis(220);

    private final TopologyModel model;
    private final Texts texts;
    private final Pane canvas = new Pane();
    private final StackPane badge = new StackPane();
    /** The second VIP's badge in dual-master mode, else null. */
    private StackPane secondBadge;
    private final Map<String, VBox> boxes = new HashMap<>();
    private final TranslateTransition move = new TranslateTransition(BADGE_MOVE, badge);
    private TranslateTransition secondMove;
    private LongConsumer onBadgeMove = nanos -> { };

    public TopologyView(TopologyModel model, Texts texts) {
        this.texts = texts;
        this.model = model;
        setId("topology");
        getStyleClass().add("topology");
        canvas.setPrefSize(WIDTH, HEIGHT);
        canvas.setMinSize(WIDTH, HEIGHT);
        canvas.setMaxSize(WIDTH, HEIGHT);
        getChildren().add(canvas);

        double clientX = 20;
        double frontX = 320;
        double backX = WIDTH - NODE_W - 20;
        VBox client = clientBox();
        place(client, clientX, HEIGHT / 2 - NODE_H / 2);
        List<Line> links = new ArrayList<>();
        List<NodeModel> fronts = model.frontEnds();
        List<NodeModel> backs = model.backEnds();
        for (int i = 0; i < fronts.size(); i++) {
            VBox box = nodeBox(fronts.get(i));
            place(box, frontX, y(i, fronts.size()));
            boxes.put(fronts.get(i).name(), box);
        }
        for (int i = 0; i < backs.size(); i++) {
            VBox box = nodeBox(backs.get(i));
            place(box, backX, y(i, backs.size()));
            boxes.put(backs.get(i).name(), box);
        }
        for (int f = 0; f < fronts.size(); f++) {
            links.add(link(clientX + NODE_W, HEIGHT / 2, frontX, y(f, fronts.size()) + NODE_H / 2, "link-client"));
            for (int b = 0; b < backs.size(); b++) {
                links.add(link(frontX + NODE_W, y(f, fronts.size()) + NODE_H / 2, backX,
                        y(b, backs.size()) + NODE_H / 2, "link-backend"));
            }
        }
        canvas.getChildren().addAll(links);
        canvas.getChildren().add(client);
        canvas.getChildren().addAll(boxes.values());

        List<String> vips = model.vips();
        double badgeWidth = vips.size() > 1 ? NODE_W / 2 - 3 : NODE_W;
        makeBadge(badge, "vip-badge", vips.get(0), frontX, badgeWidth);
        model.vipHolderProperty().addListener((o, old, holder) -> moveBadge(holder, true));
        moveBadge(model.vipHolderProperty().get(), false);
        if (vips.size() > 1) {
            String second = vips.get(1);
            secondBadge = new StackPane();
            secondMove = new TranslateTransition(BADGE_MOVE, secondBadge);
            makeBadge(secondBadge, "vip-badge-2", second, frontX + NODE_W / 2 + 3, badgeWidth);
            model.vipHolders().addListener((javafx.collections.MapChangeListener<String, String>) c -> {
                if (c.getKey().equals(second)) {
                    moveTo(secondBadge, secondMove, model.vipHolders().get(second), true);
                }
            });
            moveTo(secondBadge, secondMove, model.vipHolders().get(second), false);
        }
    }

    private void makeBadge(StackPane pane, String id, String vip, double x, double width) {
        Label vipText = new Label("VIP " + vip);
        FontIcon vipIcon = new FontIcon(Material2MZ.ROUTER);
        HBox badgeContent = new HBox(6, vipIcon, vipText);
        badgeContent.setAlignment(Pos.CENTER);
        pane.getChildren().add(badgeContent);
        pane.setId(id);
        pane.getStyleClass().add("vip-badge");
        pane.setPrefSize(width, 30);
        pane.setLayoutX(x);
        pane.setLayoutY(0);
        canvas.getChildren().add(pane);
    }

    /** Where the second VIP's badge is heading (dual-master), or null. */
    public String secondBadgeTarget() {
        return secondBadge == null ? null : (String) secondBadge.getUserData();
    }

    /** Called with System.nanoTime() whenever the badge starts moving (benchmarks measure event-to-move). */
    public void setOnBadgeMove(LongConsumer listener) {
        this.onBadgeMove = listener;
    }

    /** Where the badge is heading: the holder's name, or null for "nobody". */
    public String badgeTarget() {
        return (String) badge.getUserData();
    }

    public Node badge() {
        return badge;
    }

    private void moveBadge(String holder, boolean animate) {
        if (moveTo(badge, move, holder, animate)) {
            onBadgeMove.accept(System.nanoTime());
        }
    }

    /** Slides a badge above its holder's box (or to the middle, red, for nobody); true if it animates. */
    private boolean moveTo(StackPane badge, TranslateTransition move, String holder, boolean animate) {
        badge.setUserData(holder);
        VBox box = holder == null ? null : boxes.get(holder);
        double targetY;
        if (box == null) {
            targetY = HEIGHT / 2 - 15;
            badge.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("orphan"), true);
        } else {
            targetY = box.getLayoutY() - 34;
            badge.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("orphan"), false);
        }
        if (targetY < 0) {
            targetY = box.getLayoutY() + NODE_H + 4;
        }
        move.stop();
        if (animate) {
            move.setToY(targetY);
            move.setInterpolator(Interpolator.EASE_BOTH);
            move.playFromStart();
            return true;
        }
        badge.setTranslateY(targetY);
        return false;
    }

    private static double y(int index, int count) {
        if (count == 1) {
            return HEIGHT / 2 - NODE_H / 2;
        }
        return 40 + index * (HEIGHT - 40 - NODE_H - 4);
    }

    private static void place(Node node, double x, double y) {
        node.setLayoutX(x);
        node.setLayoutY(y);
    }

    private static Line link(double x1, double y1, double x2, double y2, String style) {
        Line line = new Line(x1, y1, x2, y2);
        line.getStyleClass().addAll("link", style);
        return line;
    }

    private VBox clientBox() {
        Label title = new Label();
        title.textProperty().bind(texts.bind("topology.client"));
        title.getStyleClass().add("node-title");
        Label address = new Label(model.controllerAddress() == null ? texts.get("topology.thisComputer")
                : model.controllerAddress());
        address.getStyleClass().add("node-address");
        HBox head = new HBox(6, new FontIcon(Material2AL.COMPUTER), title);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, head, address);
        box.getStyleClass().addAll("node-box", "client-box");
        box.setPrefSize(NODE_W, NODE_H);
        return box;
    }

    private VBox nodeBox(NodeModel node) {
        Label title = new Label(node.host().isFrontEnd() ? node.label() : node.name());
        title.getStyleClass().add("node-title");
        Label address = new Label(node.host().address() + " · " + node.name());
        address.getStyleClass().add("node-address");
        FontIcon icon = new FontIcon(node.host().isFrontEnd() ? Material2AL.DNS : Material2MZ.STORAGE);
        HBox head = new HBox(6, icon, title);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, head, address);
        box.getStyleClass().addAll("node-box", node.host().isFrontEnd() ? "frontend-box" : "backend-box",
                "color-" + (node.host().isFrontEnd() ? "nginx" : "tomcat") + node.index());
        box.setId("node-" + node.name());
        box.setPrefSize(NODE_W, NODE_H);
        if (node.host().isFrontEnd()) {
            Label state = new Label();
            state.setId("state-" + node.name());
            state.getStyleClass().add("vrrp-state");
            state.textProperty().bind(Bindings.createStringBinding(() -> node.vrrpStateProperty().get() == null
                    ? texts.get("topology.stateUnknown") : node.vrrpStateProperty().get(),
                    node.vrrpStateProperty(), texts.localeProperty()));
            node.vrrpStateProperty().addListener((o, old, s) -> stateClass(state, s));
            stateClass(state, node.vrrpStateProperty().get());
            box.getChildren().add(state);
            box.getChildren().add(new HBox(10, health("nginx", node.nginxUpProperty()),
                    health("keepalived", node.keepalivedUpProperty())));
        } else {
            box.getChildren().add(new HBox(10, health("tomcat", node.tomcatUpProperty())));
        }
        node.hostUpProperty().addListener((o, old, up) ->
                box.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("off"), Boolean.FALSE.equals(up)));
        return box;
    }

    private static void stateClass(Label label, String state) {
        label.getStyleClass().removeAll("vrrp-master", "vrrp-backup", "vrrp-fault");
        if (state != null) {
            switch (state) {
                case "MASTER" -> label.getStyleClass().add("vrrp-master");
                case "BACKUP" -> label.getStyleClass().add("vrrp-backup");
                default -> label.getStyleClass().add("vrrp-fault");
            }
        }
    }

    private static Node health(String service, javafx.beans.value.ObservableValue<Boolean> up) {
        Circle dot = new Circle(4);
        Label label = new Label(service, dot);
        label.getStyleClass().add("health");
        Runnable update = () -> {
            dot.getStyleClass().removeAll("health-up", "health-down", "health-unknown");
            dot.getStyleClass().add(up.getValue() == null ? "health-unknown" : up.getValue() ? "health-up" : "health-down");
        };
        up.addListener(o -> update.run());
        update.run();
        return label;
    }

    @Override
    protected void layoutChildren() {
        // scale the fixed drawing to the space given, keeping its proportions
        double scale = Math.min(getWidth() / WIDTH, getHeight() / HEIGHT);
        if (scale <= 0 || Double.isNaN(scale)) {
            scale = 1;
        }
        scale = Math.min(scale, 1.6);
        canvas.setScaleX(scale);
        canvas.setScaleY(scale);
        canvas.resize(WIDTH, HEIGHT);
        canvas.relocate((getWidth() - WIDTH) / 2, (getHeight() - HEIGHT) / 2);
    }

    @Override
    protected double computePrefWidth(double height) {
        return WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return HEIGHT;
    }

    @Override
    protected double computeMinWidth(double height) {
        return WIDTH * 0.6;
    }

    @Override
    protected double computeMinHeight(double width) {
        return HEIGHT * 0.6;
    }
}
