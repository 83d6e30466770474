using System.Reflection;
using Mediator;
using Platform.Application.Auth.Commands.IssueToken;
using Platform.Application.Common.Security;

namespace Platform.Application.Tests.Common;

public sealed class RequestDeclarationTests
{
    private static readonly Type[] Requests = typeof(DependencyInjection).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IMessage).IsAssignableFrom(t))
        .ToArray();

    [Fact]
    public void Every_request_declares_who_may_send_it()
    {
        Assert.True(Requests.Length >= 20, $"found only {Requests.Length} requests");
        var undeclared = Requests.Where(t => t.GetCustomAttribute<RequiresRoleAttribute>() is null && t.GetCustomAttribute<AllowAnonymousAttribute>() is null);
        Assert.Empty(undeclared.Select(t => t.Name));
    }

    [Fact]
    public void Only_signing_in_opening_a_signed_download_link_and_a_devices_enrolment_and_proof_are_anonymous()
    {
        var anonymous = Requests.Where(t => t.GetCustomAttribute<AllowAnonymousAttribute>() is not null).OrderBy(t => t.Name);
        Assert.Equal(
            [
                typeof(Platform.Application.Fleet.Commands.EnrolDevice.EnrolDeviceCommand), typeof(Platform.Application.Fleet.Commands.IssueDeviceToken.IssueDeviceTokenCommand),
                typeof(IssueTokenCommand), typeof(Platform.Application.Downloads.Queries.OpenDownload.OpenDownloadQuery),
            ],
            anonymous);
    }
}
