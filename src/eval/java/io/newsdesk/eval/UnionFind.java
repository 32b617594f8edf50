package io.newsdesk.eval;

import java.util.Map;

/**
 * Disjoint sets of ids over a parent map (an id absent from it is its own set): the labelled stories and source
 * groups the evaluations build from chains of same pairs.
 */
final class UnionFind {

    private UnionFind() {
    }

    /** The representative of x's set, halving the path on the way. */
    static String find(Map<String, String> parent, String x) {
        String p;
        while (!(p = parent.getOrDefault(x, x)).equals(x)) {
            String grand = parent.getOrDefault(p, p);
            parent.put(x, grand);
            x = grand;
        }
        return x;
    }

    static void union(Map<String, String> parent, String a, String b) {
        String ra = find(parent, a);
        String rb = find(parent, b);
        if (!ra.equals(rb)) {
            parent.put(ra, rb);
        }
    }
}
