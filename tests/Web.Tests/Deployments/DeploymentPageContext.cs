using System.Text.Json;
using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Tests.Admin;

namespace Platform.Web.Tests.Deployments;

/// <summary>A signed-in Operator rendering one deployment component over the <see cref="StubApi"/>, with MudBlazor's providers beside it.</summary>
public abstract class DeploymentPageContext : AdminPageContext
{
    protected static readonly DeploymentInfo Endpoint = new(
        Guid.NewGuid(), "cancer", "cancer-model", "Production", "Cpu", new CanaryPolicyInfo(0.05, 250, 60, 20), new DriftPolicyInfo(0.2, 0.1, 200, 60),
        Revision(3, new TrafficVersionInfo(1, 100, false)), null, null, "operator", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 4);

    protected DeploymentPageContext()
    {
        Services.AddSingleton<IPortalApiAddress>(new TestAddress());
        Services.AddSingleton<ILiveConnections>(Live);
        Api.On(HttpMethod.Get, "/api/v1/models/cancer-model/versions", () => new Page<ModelVersionInfo>(
            [Version(2, "Production"), Version(1, "Production")], null));
    }

    /// <summary>The hubs the pages connect to: a test pushes their events.</summary>
    protected FakeLiveConnections Live { get; } = new();

    protected static RevisionInfo Revision(int number, params TrafficVersionInfo[] versions) => new(
        number, "Active", "Change", "Production", "Cpu", versions, "release", "operator", DateTimeOffset.UnixEpoch, null, null, null, null, null, null,
        DateTimeOffset.UnixEpoch, null);

    /// <summary>Signs an Operator in and renders <typeparamref name="T"/> with <paramref name="parameters"/>.</summary>
    protected IRenderedComponent<ContainerFragment> RenderOperator<T>(params (string Name, object Value)[] parameters) where T : IComponent =>
        RenderAs<T>("Operator", parameters);

    /// <summary>Signs a user holding <paramref name="role"/> in and renders <typeparamref name="T"/> with <paramref name="parameters"/>.</summary>
    protected IRenderedComponent<ContainerFragment> RenderAs<T>(string role, params (string Name, object Value)[] parameters) where T : IComponent
    {
        var session = Services.GetRequiredService<PortalSession>();
        session.SignInAsync(new SignedIn(role.ToLowerInvariant(), [role], "token", DateTimeOffset.UtcNow.AddHours(1))).GetAwaiter().GetResult();
        return Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<MudDialogProvider>(1);
            b.CloseComponent();
            b.OpenComponent<T>(2);
            foreach (var (name, value) in parameters)
            {
                b.AddAttribute(3, name, value);
            }

            b.CloseComponent();
        });
    }

    /// <summary>Clicks the button with <paramref name="text"/>, found and clicked on the renderer's thread so that no render comes between.</summary>
    protected static void Press(IRenderedComponent<ContainerFragment> page, string text) =>
        page.InvokeAsync(() => Button(page, text).Click()).GetAwaiter().GetResult();

    private static ModelVersionInfo Version(int version, string stage) =>
        new("cancer-model", version, stage, new string('a', 64), JsonDocument.Parse("{}").RootElement, null, "scientist", DateTimeOffset.UnixEpoch);

    private sealed class TestAddress : IPortalApiAddress
    {
        public Uri BaseAddress { get; } = new("http://127.0.0.1:9/");
    }
}
