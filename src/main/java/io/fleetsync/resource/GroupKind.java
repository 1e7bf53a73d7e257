package io.fleetsync.resource;

/** An API group and kind; the core group is the empty string. */
public record GroupKind(String group, String kind) implements Comparable<GroupKind> {

    public static GroupKind of(String apiVersion, String kind) {
        int slash = apiVersion.indexOf('/');
        return new GroupKind(slash < 0 ? "" : apiVersion.substring(0, slash), kind);
    }

    /** ApplySet notation: {@code Kind.group}, or {@code Kind} for the core group. */
    public String applySetName() {
        return group.isEmpty() ? kind : kind + "." + group;
    }

    public static GroupKind parseApplySetName(String value) {
        int dot = value.indexOf('.');
        return dot < 0 ? new GroupKind("", value) : new GroupKind(value.substring(dot + 1), value.substring(0, dot));
    }

    @Override
    public int compareTo(GroupKind o) {
        int c = group.compareTo(o.group);
        return c != 0 ? c : kind.compareTo(o.kind);
    }
}
