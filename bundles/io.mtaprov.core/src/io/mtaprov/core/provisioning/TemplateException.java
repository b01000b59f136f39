package io.mtaprov.core.provisioning;

/** A template could not be rendered: the message names the 1-based template line and the reason. */
public class TemplateException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int line;

    public TemplateException(int line, String reason) {
        super("template line " + line + ": " + reason);
        this.line = line;
    }

    public int line() {
        return line;
    }
}
