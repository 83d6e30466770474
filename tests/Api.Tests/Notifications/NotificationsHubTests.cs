using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Platform.Api.Tests.Support;

namespace Platform.Api.Tests.Notifications;

/// <summary>Live events at /hubs/notifications, through the in-memory server on long polling.</summary>
public sealed class NotificationsHubTests(ApiFactory factory) : IClassFixture<ApiFactory>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task A_reader_watching_a_model_receives_its_new_version()
    {
        using var admin = await factory.AdminAsync();
        var model = "watched-" + Guid.NewGuid().ToString("N")[..6];
        var other = "unwatched-" + Guid.NewGuid().ToString("N")[..6];
        await admin.RegisterVersionAsync(model);
        await using var viewer = await ConnectAsync("Viewer");
        var received = new ConcurrentQueue<JsonElement>();
        var second = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        viewer.On<JsonElement>("Notification", e =>
        {
            received.Enqueue(e);
            if (e.GetProperty("data").GetProperty("version").GetInt32() == 2)
            {
                second.TrySetResult(e);
            }
        });
        await viewer.InvokeAsync("SubscribeToModel", model);

        await admin.RegisterVersionAsync(other);
        await admin.RegisterVersionAsync(model);
        var notification = await second.Task.WaitAsync(Deadline);

        Assert.Equal("model.version.created", notification.GetProperty("type").GetString());
        Assert.Equal(model, notification.GetProperty("data").GetProperty("model").GetString());
        Assert.Equal("admin", notification.GetProperty("data").GetProperty("createdBy").GetString());
        Assert.True(notification.TryGetProperty("occurredAt", out _), $"no occurredAt: {notification}");
        Assert.All(received, e => Assert.Equal(model, e.GetProperty("data").GetProperty("model").GetString()));
    }

    [Fact]
    public async Task The_approvals_inbox_hears_a_request_made_and_approved_live()
    {
        using var scientist = await factory.UserAsync("DataScientist");
        using var approver = await factory.UserAsync("Approver");
        var model = "inbox-" + Guid.NewGuid().ToString("N")[..6];
        await scientist.RegisterVersionAsync(model);
        await using var inbox = await ConnectAsync("Approver");
        var heard = new ConcurrentQueue<string>();
        var approved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        inbox.On<JsonElement>("Notification", e =>
        {
            var (type, data) = (e.GetProperty("type").GetString(), e.GetProperty("data"));
            if (data.GetProperty("model").GetString() == model)
            {
                heard.Enqueue($"{type}:{data.GetProperty("status").GetString()}");
                if (type == "promotion.approved")
                {
                    approved.TrySetResult();
                }
            }
        });
        await inbox.InvokeAsync("SubscribeToApprovals");

        var request = await (await scientist.PostJsonAsync($"/api/v1/models/{model}/versions/1/promotions", new { targetStage = "Staging", justification = "ready" })).ExpectAsync(201);
        await (await approver.PostJsonAsync($"/api/v1/promotions/{request["id"]}/approve", new { })).ExpectAsync(200);
        await approved.Task.WaitAsync(Deadline);

        Assert.Equal(["promotion.requested:Pending", "promotion.approved:Approved"], heard);
    }

    [Fact]
    public async Task Watching_an_unknown_model_fails()
    {
        await using var viewer = await ConnectAsync("Viewer");

        var refused = await Assert.ThrowsAsync<HubException>(() => viewer.InvokeAsync("SubscribeToModel", "no-such-model"));

        Assert.Contains("no-such-model", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Viewer", false)]
    [InlineData("DataScientist", false)]
    [InlineData("Operator", false)]
    [InlineData("Approver", true)]
    [InlineData("Admin", true)]
    public async Task Only_approvers_and_admins_may_watch_the_approvals_inbox(string role, bool allowed)
    {
        await using var connection = await ConnectAsync(role);

        var subscribe = () => connection.InvokeAsync("SubscribeToApprovals");

        if (allowed)
        {
            await subscribe();
        }
        else
        {
            await Assert.ThrowsAsync<HubException>(subscribe);
        }
    }

    [Fact]
    public async Task Connecting_without_a_token_is_refused()
    {
        await using var anonymous = Connection(token: null);

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => anonymous.StartAsync());
    }

    private async Task<HubConnection> ConnectAsync(string role)
    {
        var token = role == "Admin"
            ? await factory.TokenAsync(ApiFactory.AdminUser, ApiFactory.AdminPassword)
            : await UserTokenAsync(role);
        var connection = Connection(token);
        await connection.StartAsync();
        return connection;
    }

    private async Task<string> UserTokenAsync(string role)
    {
        using var client = await factory.UserAsync(role);
        return client.DefaultRequestHeaders.Authorization!.Parameter!;
    }

    private HubConnection Connection(string? token) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.Server.BaseAddress, "hubs/notifications"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => factory.Server.CreateHandler();
                o.AccessTokenProvider = () => Task.FromResult(token);
            })
            .Build();
}
