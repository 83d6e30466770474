using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace Platform.Web.Tests;

/// <summary>bUnit with MudBlazor: its services, loose JS interop, and the asynchronous disposal MudBlazor needs.</summary>
public abstract class PortalTestContext : BunitContext, IAsyncLifetime
{
    protected PortalTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();
}
