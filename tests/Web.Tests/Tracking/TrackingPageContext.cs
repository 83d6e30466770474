using Bunit;
using Bunit.Rendering;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Platform.Web.Api;
using Platform.Web.Tests.Admin;

namespace Platform.Web.Tests.Tracking;

/// <summary>A signed-in tracking page over a <see cref="StubApi"/>, opened at an address (its query string is what the page reads).</summary>
public abstract class TrackingPageContext : AdminPageContext
{
    protected IRenderedComponent<ContainerFragment> Open<TPage>(string address, Guid? id = null, params string[] roles) where TPage : IComponent
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var session = Services.GetRequiredService<PortalSession>();
        session.SignInAsync(new SignedIn("root", roles.Length == 0 ? ["DataScientist"] : roles, "token", DateTimeOffset.UtcNow.AddHours(1))).GetAwaiter().GetResult();
        return Render(b =>
        {
            b.OpenComponent<MudPopoverProvider>(0);
            b.CloseComponent();
            b.OpenComponent<TPage>(1);
            if (id is { } value)
            {
                b.AddAttribute(2, "Id", value);
            }

            b.CloseComponent();
        });
    }

    protected string Address => Services.GetRequiredService<NavigationManager>().Uri;

    protected static object Run(string name, IReadOnlyDictionary<string, string> parameters, params (string Key, double Value)[] metrics) => new
    {
        id = Guid.NewGuid(), name, status = "Finished", startTime = DateTimeOffset.Parse("2026-12-01T10:00:00Z"), createdBy = "root",
        @params = parameters, metrics = metrics.Select(m => new { key = m.Key, value = m.Value, step = 1 }).ToArray(),
    };
}
