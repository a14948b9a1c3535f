/**
 * How tensors are stored: lossless encodings chosen per tensor, each payload self-describing.
 *
 * <p>{@link dev.coral.core.codec.TensorCodec} is the entry point: {@code encode(tensor, candidates)}
 * returns the smallest verified {@link dev.coral.core.codec.EncodedTensor} among
 * {@link dev.coral.core.codec.Codec#RAW RAW}, {@link dev.coral.core.codec.Codec#SHUFFLE_ZSTD SHUFFLE_ZSTD}
 * and, per usable base, {@link dev.coral.core.codec.Codec#XOR_DELTA XOR_DELTA} and
 * {@link dev.coral.core.codec.Codec#DIFF_DELTA DIFF_DELTA}; {@code decode(payload, bases)} gives the exact
 * bytes back; {@code readHeader(payload)} tells codec, dtype, shape and base without decoding. The
 * payload layout is described in {@link dev.coral.core.codec.PayloadHeader}; bodies in
 * {@code PlaneCompressor} (shuffled planes in zstd or raw segments) and {@code DifferenceDelta}.
 *
 * <p><b>Default zstd level: 1</b>, with the match finder's hash table shrunk to 2^6 entries at levels 1
 * and 2. Measured with {@code dev.coral.bench.codec.ZstdLevelSurvey} (benchmarks module), stored size
 * ratio through the whole codec:
 * <pre>
 *   level   f32 1000×1000 N(0,1)   bf16 of it   f32 300×300 sibling delta (QA workload 3 kind)
 *    -1          1.143x              1.332x         1.308x
 *     1          1.198x              1.495x         1.561x
 *     2          1.172x              1.416x         1.561x
 *     3          1.167x              1.401x         1.554x
 *     6          1.179x              1.437x         1.529x
 *     9          1.177x              1.431x         1.529x
 * </pre>
 * Higher levels cost more and store no less: encoding the float32 1000×1000 tensor took 5.7 ms of CPU
 * at level 1, 8.5 at level 2, 10.7 at level 3, 19.5 at level 6 and 35.7 at level 9. The reason is that
 * the sign/exponent plane of float data is a low-entropy byte stream with no long repeats, where
 * extra match searching only turns literals into short, costly matches. Negative levels skip entropy
 * coding of literals and lose most of the gain. For the same reason the small hash table helps: on
 * that plane (1 MB, level 1) it measured 2.96x in 1.2 ms against 2.74x in 2.3 ms with zstd's default
 * table; on XOR-delta planes it made no difference in size. Raising the minimum match length from
 * level 1's 6 to 7 bytes follows the same reasoning: in 256 KiB segments of that plane it measured
 * 0.84 ms instead of 1.31 ms (33.5 % instead of 33.8 % of the input), the bf16 exponent plane 0.81 ms
 * instead of 1.64 ms, an XOR-delta exponent plane 2.20 ms instead of 2.44 ms (30.8 % instead of
 * 31.6 %); no plane measured (f16, int8, periodic, scaled floats) came out larger.
 */
package dev.coral.core.codec;
