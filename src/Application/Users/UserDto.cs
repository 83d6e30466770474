using System.Linq.Expressions;

namespace Platform.Application.Users;

public sealed record UserDto(Guid Id, string UserName, IReadOnlyList<Role> Roles, bool IsDisabled, DateTimeOffset CreatedAt)
{
    public static UserDto From(User user) => new(user.Id, user.UserName, user.Roles.Split().ToArray(), user.IsDisabled, user.CreatedAt);

    public static readonly Expression<Func<User, UserRow>> Projection =
        u => new UserRow(u.Id, u.UserName, u.Roles, u.IsDisabled, u.CreatedAt);

    public sealed record UserRow(Guid Id, string UserName, Role Roles, bool IsDisabled, DateTimeOffset CreatedAt)
    {
        public UserDto ToDto() => new(Id, UserName, Roles.Split().ToArray(), IsDisabled, CreatedAt);
    }
}
