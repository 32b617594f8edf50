package io.newsdesk.embedding;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/** The vector arithmetic of sentence embeddings, shared by the summarizer and the duplicate detection. */
public final class Vectors {

    private Vectors() {
    }

    /** The vector scaled to unit length; all zeros stays all zeros. */
    public static float[] unit(float[] vector) {
        double norm = Math.sqrt(dot(vector, vector));
        float[] unit = new float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            unit[i] = norm == 0 ? 0 : (float) (vector[i] / norm);
        }
        return unit;
    }

    /** The mean of the vectors after scaling each to unit length, itself scaled to unit length; null for none. */
    public static float[] meanOfUnitVectors(List<float[]> vectors) {
        if (vectors.isEmpty()) {
            return null;
        }
        float[] sum = new float[vectors.get(0).length];
        for (float[] vector : vectors) {
            float[] unit = unit(vector);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += unit[i];
            }
        }
        return unit(sum);
    }

    /** The dot product; the cosine when both vectors have unit length. */
    public static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) a[i] * b[i];
        }
        return sum;
    }

    /** The cosine of two vectors of equal length; 0 when either is all zeros. */
    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings of different dimensions: " + a.length + ", " + b.length);
        }
        double na = dot(a, a);
        double nb = dot(b, b);
        return na == 0 || nb == 0 ? 0 : dot(a, b) / Math.sqrt(na * nb);
    }

    /** The vector as little-endian float32 bytes, the stored form. */
    public static byte[] toBytes(float[] vector) {
        ByteBuffer bytes = ByteBuffer.allocate(vector.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(vector);
        return bytes.array();
    }

    /**
     * The vector in one signed byte per dimension after a little-endian float32 scale: component i is about
     * {@code scale * byte[i] / 127}. A quarter of {@link #toBytes(float[])}'s size; dot products with it are within
     * about 0.005 of the exact ones for unit vectors of a few hundred dimensions, enough to rank by cosine.
     */
    public static byte[] toInt8(float[] vector) {
        float largest = 0;
        for (float component : vector) {
            largest = Math.max(largest, Math.abs(component));
        }
        ByteBuffer bytes = ByteBuffer.allocate(Float.BYTES + vector.length).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putFloat(largest);
        for (float component : vector) {
            bytes.put(largest == 0 ? 0 : (byte) Math.round(component / largest * 127));
        }
        return bytes.array();
    }

    /** The dot product of a vector with one stored by {@link #toInt8(float[])}. */
    public static double dotInt8(float[] a, byte[] int8) {
        if (int8.length - Float.BYTES != a.length) {
            throw new IllegalArgumentException("embeddings of different dimensions: " + a.length + ", "
                    + (int8.length - Float.BYTES));
        }
        float scale = Float.intBitsToFloat((int8[0] & 0xff) | (int8[1] & 0xff) << 8 | (int8[2] & 0xff) << 16
                | (int8[3] & 0xff) << 24);
        // Four independent sums: the window scan calls this for every embedding of the window, and one running sum
        // waits on each addition before the next.
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * int8[Float.BYTES + i];
            s1 += a[i + 1] * int8[Float.BYTES + i + 1];
            s2 += a[i + 2] * int8[Float.BYTES + i + 2];
            s3 += a[i + 3] * int8[Float.BYTES + i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * int8[Float.BYTES + i];
        }
        return (double) (s0 + s1 + s2 + s3) * scale / 127.0;
    }

    /** The vector stored by {@link #toBytes(float[])}. */
    public static float[] fromBytes(byte[] stored) {
        float[] vector = new float[stored.length / Float.BYTES];
        ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
