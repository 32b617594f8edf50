package io.newsdesk.summary;

/** Running mean of ROUGE-1/2/L F1 over articles. */
final class RougeMeans {

    private double rouge1;
    private double rouge2;
    private double rougeL;
    private int count;

    void add(Rouge.Scores scores) {
        rouge1 += scores.rouge1().f1();
        rouge2 += scores.rouge2().f1();
        rougeL += scores.rougeL().f1();
        count++;
    }

    int count() {
        return count;
    }

    double rouge1() {
        return count == 0 ? 0 : 100 * rouge1 / count;
    }

    double rouge2() {
        return count == 0 ? 0 : 100 * rouge2 / count;
    }

    double rougeL() {
        return count == 0 ? 0 : 100 * rougeL / count;
    }
}
