namespace Platform.Domain.Fleet;

/// <summary>What one wave's devices show: how many, how many past their health check or failed, and their figures.</summary>
public sealed record WaveFigures(int Size, int Healthy, int Failed, long Inferences, long Errors, double? P95Milliseconds, double? PreviousP95Milliseconds)
{
    public int Reported => Healthy + Failed;
    public double? ErrorRate => Inferences > 0 ? (double)Errors / Inferences : null;
}

public enum GateOutcome
{
    Wait,
    Pass,
    Fail,
}

/// <summary>The gate's answer, with the reason when it failed (its figures, in words).</summary>
public sealed record GateVerdict(GateOutcome Outcome, string Reason = "");

internal static class RolloutGate
{
    public static GateVerdict Judge(Rollout rollout, WaveFigures f, DateTimeOffset now)
    {
        var gate = rollout.Gate;
        var wave = rollout.CurrentWave + 1;
        // An emergency stop: failures past the limit of the whole wave need not wait for the rest to report.
        if (f.Size > 0 && f.Failed * 100.0 / f.Size > gate.MaxFailurePercent)
        {
            return Fail($"wave {wave}: {f.Failed} of {f.Size} devices failed ({Pct(f.Failed, f.Size)}), more than the gate's {gate.MaxFailurePercent} %");
        }

        if (rollout.WaveFilledAt is not { } filled || (f.Reported < f.Size && now < filled.AddSeconds(gate.TimeoutSeconds)))
        {
            return new GateVerdict(GateOutcome.Wait);
        }

        if (f.Size > 0 && f.Reported * 100.0 / f.Size < gate.MinReportingPercent)
        {
            return Fail($"wave {wave}: only {f.Reported} of {f.Size} devices reported ({Pct(f.Reported, f.Size)}) within {gate.TimeoutSeconds} s; the gate needs {gate.MinReportingPercent} %");
        }

        if (f.Reported > 0 && f.Failed * 100.0 / f.Reported > gate.MaxFailurePercent)
        {
            return Fail($"wave {wave}: {f.Failed} of {f.Reported} reporting devices failed ({Pct(f.Failed, f.Reported)}), more than the gate's {gate.MaxFailurePercent} %");
        }

        if (gate.MaxErrorRate is { } maxErrors && f.ErrorRate is { } errors && errors > maxErrors)
        {
            return Fail($"wave {wave}: error rate {errors:P2} ({f.Errors} of {f.Inferences} inferences), more than the gate's {maxErrors:P2}");
        }

        if (gate.MaxP95Ratio is { } ratio && f.P95Milliseconds is { } p95 && f.PreviousP95Milliseconds is { } before && before > 0 && p95 > before * ratio)
        {
            return Fail($"wave {wave}: p95 {p95:0.##} ms against {before:0.##} ms on the previous version, more than {ratio:0.##} times");
        }

        return new GateVerdict(GateOutcome.Pass);
    }

    private static GateVerdict Fail(string reason) => new(GateOutcome.Fail, reason);

    private static string Pct(int part, int whole) => $"{part * 100.0 / whole:0.#} %";
}
