using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Platform.MachineLearning.Federated.Privacy;

/// <summary>
/// Gaussian noise N(0, σ²) added to each value, by the Box–Muller transform: two uniforms u₁ ∈ (0, 1], u₂ ∈ [0, 1) give two
/// independent normals √(−2 ln u₁)·cos(2πu₂) and √(−2 ln u₁)·sin(2πu₂), computed in double and added to the floats.
/// <para>
/// Which uniforms: the overload with a <see cref="Random"/> is for tests and simulations, where a seed makes a run
/// repeatable. <see cref="Random"/> is not a cryptographic generator (seeded, it is a subtractive generator with a 32-bit
/// seed; unseeded, xoshiro256**): whoever learns its state learns the noise and can subtract it, which undoes the
/// privacy. Production noise therefore uses the overload without one, which draws every uniform from
/// <see cref="RandomNumberGenerator"/> (the operating system's CSPRNG), 53 bits each.
/// </para>
/// Known limit: floating-point samplers leak a little through the low bits of their output (Mironov 2012); a discrete
/// Gaussian (Canonne, Kamath and Steinke 2020) would close that and is not done here.
/// </summary>
public static class GaussianNoise
{
    private const int Batch = 512;
    private const double Unit = 1.0 / (1UL << 53);

    /// <summary>Adds N(0, <paramref name="standardDeviation"/>²) to each value, drawing uniforms from <paramref name="random"/> (repeatable; not for production).</summary>
    public static void Add(Span<float> values, double standardDeviation, Random random) =>
        Add(values, standardDeviation, uniforms =>
        {
            foreach (ref var u in uniforms)
            {
                u = random.NextDouble();
            }
        });

    /// <summary>Adds N(0, <paramref name="standardDeviation"/>²) to each value, drawing uniforms from the operating system's CSPRNG.</summary>
    public static void Add(Span<float> values, double standardDeviation) =>
        Add(values, standardDeviation, uniforms =>
        {
            var bits = MemoryMarshal.Cast<double, ulong>(uniforms);
            RandomNumberGenerator.Fill(MemoryMarshal.AsBytes(bits));
            for (var i = 0; i < bits.Length; i++)
            {
                uniforms[i] = (bits[i] >> 11) * Unit;
            }
        });

    private static void Add(Span<float> values, double standardDeviation, UniformFill fill)
    {
        if (!double.IsFinite(standardDeviation) || standardDeviation < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(standardDeviation), standardDeviation, "The standard deviation is a finite number, at least 0.");
        }

        if (standardDeviation == 0)
        {
            return;
        }

        Span<double> uniforms = stackalloc double[Batch];
        for (var at = 0; at < values.Length; at += Batch)
        {
            var chunk = values.Slice(at, Math.Min(Batch, values.Length - at));
            var pairs = uniforms[..((chunk.Length + 1) / 2 * 2)];
            fill(pairs);
            for (var i = 0; i < chunk.Length; i += 2)
            {
                var radius = standardDeviation * Math.Sqrt(-2 * Math.Log(1 - pairs[i]));
                var (sin, cos) = Math.SinCos(2 * Math.PI * pairs[i + 1]);
                chunk[i] = (float)(chunk[i] + (radius * cos));
                if (i + 1 < chunk.Length)
                {
                    chunk[i + 1] = (float)(chunk[i + 1] + (radius * sin));
                }
            }
        }
    }

    private delegate void UniformFill(Span<double> uniforms);
}
