package dev.halab.gui.topology;

import dev.halab.gui.common.Texts;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/**
 * The request stream through the VIP, newest first, each answer shown as the tutorial's page
 * showed it ("NGINX-1 / 192.168.224.103") and coloured by its nginx, with a stripe for its tomcat.
 */
public final class RequestStreamView extends ListView<RequestItem> {

    private final Texts texts;

    public RequestStreamView(DashboardViewModel vm) {
        super(vm.stream());
        this.texts = vm.texts();
        setId("request-stream");
        getStyleClass().add("request-stream");
        setCellFactory(list -> new RequestCell());
        setFocusTraversable(false);
        setFixedCellSize(24);
        texts.localeProperty().addListener(o -> refresh()); // failures are texts: re-render them in the new language
    }

    private final class RequestCell extends ListCell<RequestItem> {
        @Override
        protected void updateItem(RequestItem item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("request-failed", "request-nginx0", "request-nginx1",
                    "request-tomcat0", "request-tomcat1");
            if (empty || item == null) {
                setText(null);
                return;
            }
            String time = java.time.LocalTime.ofInstant(item.at(), java.time.ZoneId.systemDefault())
                    .withNano(item.at().getNano() / 1_000_000 * 1_000_000).toString();
            setText(time + "   " + item.label(texts.locale()) + (item.ok() && item.latencyMillis() >= 0 ? "   " + item.latencyMillis() + " ms" : ""));
            if (!item.ok()) {
                getStyleClass().add("request-failed");
            } else {
                if (item.nginxIndex() >= 0) {
                    getStyleClass().add("request-nginx" + (item.nginxIndex() % 2));
                }
                if (item.tomcatIndex() >= 0) {
                    getStyleClass().add("request-tomcat" + (item.tomcatIndex() % 2));
                }
            }
        }
    }
}
