using System.Security.Cryptography;
using System.Text;
using Platform.Contracts.Api;

namespace Platform.Serving.Tests.Support;

/// <summary>Desired states as the control plane sends them, on the test model.</summary>
public static class ControlPlaneStates
{
    public const string Key = "psk_test-inference-key";

    public static string KeyHash => Hash(Key);

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>An endpoint on model "cancer-model" whose versions are (version, weight, canary), each the test model's file registered on the plane.</summary>
    public static ServingEndpointState Endpoint(
        TestControlPlane plane, string name, int revision, CanaryPolicy? canary, DriftPolicy? drift, IReadOnlyList<FeatureBaseline>? baseline,
        params (int Version, int Weight, bool IsCanary)[] versions) => new(
        name,
        Guid.NewGuid(),
        revision,
        "cancer-model",
        canary ?? CanaryPolicy.Default,
        drift ?? DriftPolicy.Default,
        [.. versions.Select(v => new ServingVersionState(v.Version, v.Weight, v.IsCanary, plane.AddFile("cancer-model", v.Version, TestModel.Bytes), baseline ?? []))],
        [KeyHash]);
}
