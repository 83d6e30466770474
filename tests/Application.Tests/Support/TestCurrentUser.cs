using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace Platform.Application.Tests.Support;

/// <summary>The caller, set by each test (the only fake here: identity comes from HTTP in production).</summary>
public sealed class TestCurrentUser : ICurrentUser
{
    public bool IsAuthenticated => Roles != Role.None;
    public Guid? UserId { get; set; } = Guid.NewGuid();
    public string Name { get; set; } = "tester";
    public Role Roles { get; set; } = Role.DataScientist;
    public Guid? AccessTokenId { get; set; }
    public JobScope? Job { get; set; }
    public Guid? ClaimableJobId { get; set; }
}
