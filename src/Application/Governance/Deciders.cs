using Platform.Domain.Governance;

namespace Platform.Application.Governance;

internal static class Deciders
{
    /// <summary>The caller as an approver of this request: one of its approver roles, or 403.</summary>
    public static Actor Check(ICurrentUser user, PromotionRequest request)
    {
        if (!user.Roles.Satisfies(request.ApproverRoles))
        {
            throw new ForbiddenAccessException(
                $"Deciding this request needs one of the roles {string.Join(", ", request.ApproverRoles.Split())}; you have {string.Join(", ", user.Roles.Split())}.");
        }

        return new Actor(user.UserId, user.Name);
    }

    /// <summary>Separation of duties is a 403, not a conflict.</summary>
    public static bool Guard(Func<bool> decide)
    {
        try
        {
            return decide();
        }
        catch (SelfApprovalException e)
        {
            throw new ForbiddenAccessException(e.Message);
        }
    }
}
