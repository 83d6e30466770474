using Platform.Domain.Common;
using Platform.Domain.Identity;

namespace Platform.Domain.Tests.Identity;

public sealed class AccessTokenTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UnixEpoch.AddYears(56);

    [Fact]
    public void A_token_cannot_hold_a_role_its_owner_lacks()
    {
        var error = Assert.Throws<DomainException>(() =>
            AccessToken.Issue(Guid.NewGuid(), Role.Viewer, "ci", "h", "p", Role.DataScientist, Now, Now.AddDays(1)));
        Assert.Equal("token.roles-exceed-owner", error.Code);
    }

    [Fact]
    public void A_token_is_active_until_it_expires_or_is_revoked()
    {
        var token = AccessToken.Issue(Guid.NewGuid(), Role.DataScientist, "ci", "h", "p", Role.DataScientist, Now, Now.AddDays(1));
        Assert.True(token.IsActive(Now));
        Assert.False(token.IsActive(Now.AddDays(1)));
        token.Revoke(Now.AddHours(1));
        Assert.False(token.IsActive(Now.AddHours(2)));
    }

    [Theory]
    [InlineData(Role.Admin, Role.Approver, true)]
    [InlineData(Role.Viewer, Role.DataScientist, false)]
    [InlineData(Role.Viewer | Role.Approver, Role.Approver | Role.Operator, true)]
    [InlineData(Role.Admin, Role.System, false)]
    [InlineData(Role.Admin, Role.Job, false)]
    [InlineData(Role.Admin, Role.System | Role.Job, false)]
    [InlineData(Role.Admin, Role.JobClaim, false)]
    [InlineData(Role.JobClaim, Role.Job, false)]
    [InlineData(Role.JobClaim, Role.System | Role.JobClaim, true)]
    [InlineData(Role.Job, Role.System | Role.Job, true)]
    [InlineData(Role.Job, Role.DataScientist, false)]
    public void Admin_satisfies_every_requirement_and_others_need_one_listed_role(Role held, Role required, bool expected) =>
        Assert.Equal(expected, held.Satisfies(required));
}
