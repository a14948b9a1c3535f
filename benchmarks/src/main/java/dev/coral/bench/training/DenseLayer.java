package dev.coral.bench.training;

import dev.coral.core.tensor.Tensor;

import java.util.Random;

/** A fully connected layer {@code y = x·Wᵀ + b} trained by plain SGD; weights in PyTorch's [out, in] layout. */
final class DenseLayer {
    final int in;
    final int out;
    final float[] weight;
    final float[] bias;
    private final float[] weightGrad;
    private final float[] biasGrad;

    DenseLayer(int in, int out, Random random) {
        this.in = in;
        this.out = out;
        weight = new float[in * out];
        bias = new float[out];
        weightGrad = new float[in * out];
        biasGrad = new float[out];
        double scale = Math.sqrt(2.0 / in);
        for (int i = 0; i < weight.length; i++) {
            weight[i] = (float) (random.nextGaussian() * scale);
        }
    }

    /** Forward pass of a batch: {@code x} is [batch, in], the result [batch, out]. */
    float[] forward(float[] x, int batch) {
        float[] y = new float[batch * out];
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < out; o++) {
                float s = bias[o];
                int w = o * in;
                int xi = n * in;
                for (int i = 0; i < in; i++) {
                    s += weight[w + i] * x[xi + i];
                }
                y[n * out + o] = s;
            }
        }
        return y;
    }

    /** Accumulates gradients for {@code dy} ([batch, out]) given the input {@code x}; returns dx. */
    float[] backward(float[] x, float[] dy, int batch) {
        float[] dx = new float[batch * in];
        for (int n = 0; n < batch; n++) {
            for (int o = 0; o < out; o++) {
                float g = dy[n * out + o];
                if (g == 0) {
                    continue;
                }
                biasGrad[o] += g;
                int w = o * in;
                int xi = n * in;
                for (int i = 0; i < in; i++) {
                    weightGrad[w + i] += g * x[xi + i];
                    dx[xi + i] += g * weight[w + i];
                }
            }
        }
        return dx;
    }

    void step(float learningRate, int batch) {
        float k = learningRate / batch;
        for (int i = 0; i < weight.length; i++) {
            weight[i] -= k * weightGrad[i];
            weightGrad[i] = 0;
        }
        for (int o = 0; o < out; o++) {
            bias[o] -= k * biasGrad[o];
            biasGrad[o] = 0;
        }
    }

    Tensor weightTensor() {
        return Tensor.of(weight).reshape(out, in);
    }

    Tensor biasTensor() {
        return Tensor.of(bias);
    }
}
