using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Platform.Contracts.Fleet;
using Platform.Edge.Identity;
using Platform.Edge.Tests.Support;

namespace Platform.Edge.Tests.Identity;

/// <summary>The device's key, its one enrolment and its tokens, against the fake platform on a real socket.</summary>
public sealed class DeviceIdentityTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private FakePlatform _platform = null!;

    public async Task InitializeAsync() => _platform = await FakePlatform.StartAsync();

    public async Task DisposeAsync()
    {
        await _platform.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task The_key_is_kept_as_pkcs8_pem_readable_by_the_owner_only_and_is_the_same_after_a_restart()
    {
        DeviceJwk first;
        await using (var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path))
        {
            first = Es256.PublicJwk(edge.Services.GetRequiredService<DeviceKeyStore>().Key);
        }

        var file = Path.Combine(_state.Path, "device-key.pem");
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        await using var restarted = await EdgeHost.StartAsync(_platform.Address, _state.Path);
        Assert.Equal(first, Es256.PublicJwk(restarted.Services.GetRequiredService<DeviceKeyStore>().Key));
    }

    [Fact]
    public async Task Enrolment_sends_name_labels_inventory_and_the_public_key_and_after_it_the_token_is_never_needed()
    {
        await using (var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path))
        {
            await edge.PollOnceAsync();
        }

        var request = Assert.Single(_platform.Enrolments);
        Assert.Equal((FakePlatform.EnrolmentToken, "edge-1", "plant-7"), (request.Token, request.Name, request.Labels!["site"]));
        Assert.True(request.Inventory is { CpuCores: > 0, MemoryBytes: > 0, OnnxRuntimeVersion.Length: > 0, AgentVersion.Length: > 0 }, JsonSerializer.Serialize(request.Inventory));
        Assert.Contains("CPUExecutionProvider", request.Inventory!.ExecutionProviders!);
        Assert.DoesNotContain("PRIVATE", JsonSerializer.Serialize(request), StringComparison.Ordinal);

        await using var restarted = await EdgeHost.StartAsync(_platform.Address, _state.Path, enrolmentToken: null);
        await restarted.PollOnceAsync();
        Assert.Single(_platform.Enrolments);
        Assert.NotEmpty(_platform.Reports);
    }

    [Fact]
    public async Task A_lost_enrolment_answer_is_retried_with_the_same_key_and_answered_the_same_device()
    {
        _platform.LoseNextEnrolAnswer = true;
        await using var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path);

        // The request is sent again (by the HTTP handler on the dropped connection, or by the next poll): same token, same key.
        await edge.PollOnceAsync();
        await edge.PollOnceAsync();

        var enrolments = _platform.Enrolments.ToArray();
        Assert.True(enrolments.Length >= 2, $"the lost enrolment should have been sent again, got {enrolments.Length}");
        Assert.All(enrolments, e => Assert.Equal(enrolments[0].PublicKey, e.PublicKey));
        var stored = JsonSerializer.Deserialize<EnrolledDevice>(await File.ReadAllTextAsync(Path.Combine(_state.Path, "enrolment.json")), JsonSerializerOptions.Web)!;
        Assert.Equal(_platform.DeviceId, stored.DeviceId);
    }

    [Fact]
    public async Task A_token_is_reused_until_a_fifth_of_its_life_is_left_then_renewed_with_a_fresh_assertion()
    {
        await using var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path);
        await edge.PollOnceAsync();
        await edge.PollOnceAsync();
        Assert.Equal(1, _platform.TokensIssued);

        edge.Clock.Advance(TimeSpan.FromSeconds(481)); // 600 s tokens are renewed after 480 s
        await edge.PollOnceAsync();

        Assert.Equal(2, _platform.TokensIssued);
        var jtis = _platform.Assertions.Select(a => Es256.Verify(a, Es256.Import(_platform.DeviceKey)!)!.Value.GetProperty("jti").GetString()).ToArray();
        Assert.Equal(jtis.Length, jtis.Distinct().Count());
    }

    [Fact]
    public async Task A_device_clock_ten_minutes_slow_is_corrected_from_the_401s_date_and_gets_its_token()
    {
        var slow = new ManualClock(DateTimeOffset.UtcNow.AddMinutes(-10));
        await using var edge = await EdgeHost.StartAsync(_platform.Address, _state.Path, slow);

        await edge.PollOnceAsync();

        Assert.Equal(1, _platform.TokensIssued);
        Assert.Equal(2, _platform.Assertions.Count);
        Assert.InRange(edge.Services.GetRequiredService<DeviceTokenSource>().ClockSkew.TotalMinutes, 9.9, 10.1);
        Assert.NotEmpty(_platform.Reports);
    }
}
