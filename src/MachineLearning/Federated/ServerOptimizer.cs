namespace Platform.MachineLearning.Federated;

/// <summary>
/// FedAdam and FedYogi (Reddi et al. 2021, "Adaptive Federated Optimization"): the server treats the round's averaged
/// update as a pseudo-gradient and steps the global weights with Adam's or Yogi's moments, kept across rounds: a server
/// that restarts takes them back from <see cref="State"/>.
/// </summary>
public sealed class ServerOptimizer(ServerOptimizerKind kind, int length, double learningRate = 0.01, double beta1 = 0.9, double beta2 = 0.99, double tau = 1e-3)
{
    private readonly double[] _m = new double[length];
    private readonly double[] _v = Enumerable.Repeat(tau * tau, length).ToArray();

    public ServerOptimizerKind Kind => kind;

    /// <summary>The moments, first then second, as 2 × length doubles (little-endian bytes).</summary>
    public byte[] State => [.. System.Runtime.InteropServices.MemoryMarshal.AsBytes(_m.AsSpan()), .. System.Runtime.InteropServices.MemoryMarshal.AsBytes(_v.AsSpan())];

    /// <summary>Takes back the moments saved from <see cref="State"/>; empty leaves them as at the start.</summary>
    public ServerOptimizer Restore(ReadOnlySpan<byte> state)
    {
        if (state.IsEmpty)
        {
            return this;
        }

        if (state.Length != 16 * length)
        {
            throw new ArgumentException($"The saved state holds {state.Length} bytes, not the {16 * length} of {length} weights' two moments.", nameof(state));
        }

        var doubles = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, double>(state);
        doubles[..length].CopyTo(_m);
        doubles[length..].CopyTo(_v);
        return this;
    }

    /// <summary>The next global weights from <paramref name="weights"/> and the round's averaged update <paramref name="delta"/>.</summary>
    public float[] Step(float[] weights, float[] delta)
    {
        if (weights.Length != length || delta.Length != length)
        {
            throw new ArgumentException($"The weights and the update must have {length} values.");
        }

        var next = new float[length];
        for (var i = 0; i < length; i++)
        {
            double d = delta[i], square = d * d;
            _m[i] = (beta1 * _m[i]) + ((1 - beta1) * d);
            _v[i] = kind == ServerOptimizerKind.Adam
                ? (beta2 * _v[i]) + ((1 - beta2) * square)
                : _v[i] - ((1 - beta2) * square * Math.Sign(_v[i] - square));
            next[i] = (float)(weights[i] + (learningRate * _m[i] / (Math.Sqrt(_v[i]) + tau)));
        }

        return next;
    }
}

/// <summary>Which server optimiser steps the global weights.</summary>
public enum ServerOptimizerKind
{
    Adam,
    Yogi,
}
