package deepgrid.nn;

/** What targets a loss accepts, which fixes how class labels are encoded and the output width. */
public enum TargetKind {
    /** Class labels only, as one-hot rows; output width = number of classes. */
    CLASSES("class labels (one output per class)"),
    /** Two classes (or 0/1 numbers) as one 0/1 column; output width 1. */
    BINARY("two classes, one output"),
    /** Numbers as they are, or class labels as one-hot rows. */
    ANY("numbers, or class labels as one-hot rows"),
    /** Numbers ≥ 0 (counts, rates), as they are; output width = number of targets. */
    COUNTS("numbers ≥ 0 (counts), one output per target");

    private final String description;

    TargetKind(String description) {
        this.description = description;
    }

    /** What the targets are, for the README's loss table. */
    public String description() {
        return description;
    }
}
