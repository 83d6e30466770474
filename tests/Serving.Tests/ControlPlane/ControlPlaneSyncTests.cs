using System.Net.Http.Headers;
using System.Net.Http.Json;
using Platform.Contracts.Api;
using Platform.Serving.Tests.Support;

namespace Platform.Serving.Tests.ControlPlane;

/// <summary>The host serves the control plane's desired state: files downloaded into the cache by hash, verified, served.</summary>
public sealed class ControlPlaneSyncTests
{
    [Fact]
    public async Task Downloads_the_model_verifies_its_hash_and_serves_it()
    {
        await using var plane = await TestControlPlane.StartAsync();
        var endpoint = ControlPlaneStates.Endpoint(plane, "synced", 1, null, null, null, (1, 100, false));
        plane.State = new ServingDesiredState(1, [endpoint]);
        var cache = Directory.CreateTempSubdirectory("serving-cache").FullName;

        await using var host = await ServingHost.StartAsync(settings: plane.HostSettings(cache));
        await TestControlPlane.WaitUntilAsync(() => host.State.IsReady, "the host to apply the control plane's state");

        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ControlPlaneStates.Key);
        var (status, response) = await host.Client.PostAsync("/v2/models/synced/predict", Requests.Records(TestModel.Row(0)));
        Assert.Equal(200, status);
        Assert.Equal("1", response["model_version"]!.GetValue<string>());
        Assert.Equal([$"{endpoint.Versions[0].Sha256}.onnx"], Directory.GetFiles(cache).Select(Path.GetFileName));
        Assert.Equal(1, plane.Downloads);
    }

    [Fact]
    public async Task A_download_whose_hash_differs_is_discarded_and_retried()
    {
        await using var plane = await TestControlPlane.StartAsync();
        plane.State = new ServingDesiredState(1, [ControlPlaneStates.Endpoint(plane, "verified", 1, null, null, null, (1, 100, false))]);
        plane.CorruptFile = [.. TestModel.Bytes, 0x00];
        var cache = Directory.CreateTempSubdirectory("serving-cache").FullName;

        await using var host = await ServingHost.StartAsync(settings: plane.HostSettings(cache));
        await TestControlPlane.WaitUntilAsync(() => plane.Downloads >= 2, "the host to retry the download");
        Assert.False(host.State.IsReady, "the host served a file whose hash differs from the state's");
        Assert.Empty(Directory.GetFiles(cache, "*.onnx"));

        plane.CorruptFile = null;
        await TestControlPlane.WaitUntilAsync(() => host.State.IsReady, "the host to apply the state once the file is right");
        Assert.Equal(["1"], host.State.Current.Endpoints["verified"].Versions.Select(v => v.Model.Version));
    }

    [Fact]
    public async Task A_new_desired_state_moves_traffic_without_reloading_kept_versions()
    {
        await using var plane = await TestControlPlane.StartAsync();
        plane.State = new ServingDesiredState(1, [ControlPlaneStates.Endpoint(plane, "moving", 1, null, null, null, (1, 100, false))]);
        await using var host = await ServingHost.StartAsync(settings: plane.HostSettings(Directory.CreateTempSubdirectory("serving-cache").FullName));
        await TestControlPlane.WaitUntilAsync(() => host.State.IsReady, "the first state");
        var first = host.State.Current.Endpoints["moving"].Versions[0].Model;

        plane.State = new ServingDesiredState(2, [ControlPlaneStates.Endpoint(plane, "moving", 2, null, null, null, (1, 80, false), (2, 20, true))]);
        await TestControlPlane.WaitUntilAsync(() => host.State.Current.Endpoints["moving"].Versions.Count == 2, "the second state");

        var served = host.State.Current.Endpoints["moving"].Versions;
        Assert.Same(first, served[0].Model);
        Assert.Equal([80, 20], served.Select(v => v.Weight));
        Assert.Equal(2, host.State.Current.Desired.Endpoints[0].Revision);
    }

    [Fact]
    public async Task An_unchanged_state_is_read_conditionally_and_an_admin_change_is_undone_by_a_full_read()
    {
        await using var plane = await TestControlPlane.StartAsync();
        plane.State = new ServingDesiredState(7, [ControlPlaneStates.Endpoint(plane, "steady", 1, null, null, null, (1, 100, false))]);
        await using var host = await ServingHost.StartAsync(settings: plane.HostSettings(Directory.CreateTempSubdirectory("serving-cache").FullName));
        await TestControlPlane.WaitUntilAsync(() => host.State.IsReady, "the first state");
        var served = host.State.Current;

        await TestControlPlane.WaitUntilAsync(() => plane.NotModifiedAnswers >= 3, "three polls answered 304");
        Assert.Same(served, host.State.Current);

        // The admin surface replaces the served state; the control plane's version is unchanged, yet the next poll reads in full and restores it.
        host.Client.DefaultRequestHeaders.Add("X-Serving-Admin-Key", ServingHost.AdminKey);
        using var put = await host.Client.PutAsJsonAsync("/v2/admin/state", ServingHost.Endpoint("improvised", ("1", 100)));
        Assert.Equal(200, (int)put.StatusCode);
        await TestControlPlane.WaitUntilAsync(() => host.State.Current.Endpoints.ContainsKey("steady"), "the control plane's state to come back");
        Assert.False(host.State.Current.Endpoints.ContainsKey("improvised"));
        Assert.Equal(1, plane.Downloads); // the file stayed in the cache
    }

    [Fact]
    public async Task The_served_state_is_kept_while_the_control_plane_fails()
    {
        await using var plane = await TestControlPlane.StartAsync();
        plane.State = new ServingDesiredState(1, [ControlPlaneStates.Endpoint(plane, "kept", 1, null, null, null, (1, 100, false))]);
        await using var host = await ServingHost.StartAsync(settings: plane.HostSettings(Directory.CreateTempSubdirectory("serving-cache").FullName));
        await TestControlPlane.WaitUntilAsync(() => host.State.IsReady, "the first state");
        var served = host.State.Current;

        plane.FailDesiredState = true;
        var reads = plane.DesiredStateReads;
        await TestControlPlane.WaitUntilAsync(() => plane.DesiredStateReads >= reads + 3, "three failed polls");

        host.Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ControlPlaneStates.Key);
        var (status, _) = await host.Client.PostAsync("/v2/models/kept/predict", Requests.Records(TestModel.Row(0)));
        Assert.Equal(200, status);
        Assert.Same(served, host.State.Current);

        plane.FailDesiredState = false;
        plane.State = new ServingDesiredState(2, [ControlPlaneStates.Endpoint(plane, "kept", 2, null, null, null, (1, 100, false))]);
        await TestControlPlane.WaitUntilAsync(() => host.State.Current.Endpoints["kept"].Spec.Revision == 2, "the sync to recover");
    }
}
