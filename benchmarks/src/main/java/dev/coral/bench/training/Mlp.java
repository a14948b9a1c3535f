package dev.coral.bench.training;

import dev.coral.core.tensor.Tensor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A small ReLU multi-layer perceptron with a softmax cross-entropy head, trained by minibatch SGD. */
final class Mlp {
    private final List<DenseLayer> layers = new ArrayList<>();

    Mlp(long seed, int... widths) {
        Random random = new Random(seed);
        for (int i = 0; i + 1 < widths.length; i++) {
            layers.add(new DenseLayer(widths[i], widths[i + 1], random));
        }
    }

    /** One SGD step on a batch; returns the mean loss and the number of correct predictions. */
    double[] trainBatch(float[] x, int[] labels, int batch, float learningRate) {
        List<float[]> inputs = new ArrayList<>();
        float[] h = x;
        for (int l = 0; l < layers.size(); l++) {
            inputs.add(h);
            h = layers.get(l).forward(h, batch);
            if (l + 1 < layers.size()) {
                relu(h);
            }
        }
        int classes = layers.get(layers.size() - 1).out;
        double loss = 0;
        int correct = 0;
        float[] grad = new float[h.length];
        for (int n = 0; n < batch; n++) {
            int base = n * classes;
            float max = Float.NEGATIVE_INFINITY;
            int argmax = 0;
            for (int c = 0; c < classes; c++) {
                if (h[base + c] > max) {
                    max = h[base + c];
                    argmax = c;
                }
            }
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                sum += Math.exp(h[base + c] - max);
            }
            for (int c = 0; c < classes; c++) {
                double p = Math.exp(h[base + c] - max) / sum;
                grad[base + c] = (float) (p - (c == labels[n] ? 1 : 0));
                if (c == labels[n]) {
                    loss -= Math.log(Math.max(p, 1e-12));
                }
            }
            correct += argmax == labels[n] ? 1 : 0;
        }
        for (int l = layers.size() - 1; l >= 0; l--) {
            float[] in = inputs.get(l);
            grad = layers.get(l).backward(in, grad, batch);
            if (l > 0) {
                for (int i = 0; i < grad.length; i++) {
                    if (in[i] <= 0) {
                        grad[i] = 0;
                    }
                }
            }
        }
        for (DenseLayer layer : layers) {
            layer.step(learningRate, batch);
        }
        return new double[] {loss / batch, correct};
    }

    private static void relu(float[] v) {
        for (int i = 0; i < v.length; i++) {
            if (v[i] < 0) {
                v[i] = 0;
            }
        }
    }

    /** The model's parameters under PyTorch-style names: {@code fc1.weight}, {@code fc1.bias}, … */
    Map<String, Tensor> stateDict() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (int l = 0; l < layers.size(); l++) {
            state.put("fc" + (l + 1) + ".weight", layers.get(l).weightTensor());
            state.put("fc" + (l + 1) + ".bias", layers.get(l).biasTensor());
        }
        return state;
    }
}
